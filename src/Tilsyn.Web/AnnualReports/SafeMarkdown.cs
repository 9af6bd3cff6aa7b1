using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Tilsyn.Web.AnnualReports;

/// <summary>The advisor's own texts are Markdown: shown as sanitised HTML, and as paragraphs and bullets in PDF and Word.</summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = new();

    public static string ToHtml(string? markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", Pipeline));

    /// <summary>Paragraphs and bullet items as plain text, in order; emphasis is dropped, link texts kept.</summary>
    public static IReadOnlyList<(bool Bullet, string Text)> ToBlocks(string? markdown)
    {
        var doc = Markdown.Parse(markdown ?? "", Pipeline);
        var result = new List<(bool, string)>();
        void Walk(Block block, bool inList)
        {
            switch (block)
            {
                case ListBlock list:
                    foreach (var item in list) Walk(item, true);
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Walk(child, inList);
                    break;
                case LeafBlock leaf:
                    var text = leaf.Inline is { } inline ? Text(inline) : string.Join(" ", leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString()));
                    if (!string.IsNullOrWhiteSpace(text)) result.Add((inList, text.Trim()));
                    break;
            }
        }
        foreach (var block in doc) Walk(block, false);
        return result;
    }

    private static string Text(ContainerInline inline)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants<LiteralInline>()) sb.Append(child.Content.ToString());
        foreach (var _ in inline.Descendants<LineBreakInline>()) { }
        return sb.ToString();
    }
}
