using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Tilsyn.Web.Common;

/// <summary>
/// Every table of a page sits in a scroll region of its own (WCAG 1.4.10 reflow, 2.1.1 keyboard): a wide table scrolls
/// sideways inside it instead of the whole page, and a keyboard user can focus the region to scroll it with the arrow
/// keys. The region is <c>&lt;div class="scroll" role="region" tabindex="0" aria-labelledby="(the caption)"&gt;</c>,
/// named by the table's <c>&lt;caption&gt;</c> (which every table must have; the accessibility sweep checks it). A
/// table already inside a region a page made itself (<c>div[role=region]</c>) is left alone, and so is one marked
/// <c>scroll-region="false"</c>.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableRegionTagHelper : TagHelper
{
    /// <summary>Put <c>scroll-region="false"</c> on a table that must not get a region (e.g. a small layout table).</summary>
    [HtmlAttributeName("scroll-region")]
    public bool Region { get; set; } = true;

    [HtmlAttributeNotBound, ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>Runs after a page's own region (<see cref="ScrollRegionMarker"/>) has said so.</summary>
    public override int Order => 10;

    public override void Init(TagHelperContext context) => context.Items[typeof(CaptionSlot)] = new CaptionSlot();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!Region || context.Items.ContainsKey(typeof(ScrollRegionMarker))) return;
        var slot = (CaptionSlot)context.Items[typeof(CaptionSlot)];
        slot.IdPrefix = NextId(ViewContext.HttpContext);
        await output.GetChildContentAsync(); // the caption names itself in the slot
        var name = slot.CaptionId is { } id ? $"aria-labelledby=\"{id}\"" : "aria-label=\"Tabel\"";
        output.PreElement.AppendHtml($"<div class=\"scroll\" role=\"region\" tabindex=\"0\" {name}>");
        output.PostElement.AppendHtml("</div>");
    }

    private static string NextId(HttpContext http)
    {
        var n = http.Items[typeof(TableRegionTagHelper)] is int i ? i + 1 : 1;
        http.Items[typeof(TableRegionTagHelper)] = n;
        return "tabel-" + n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>What the table's caption tells its table: its id.</summary>
    internal sealed class CaptionSlot
    {
        public string? IdPrefix { get; set; }
        public string? CaptionId { get; set; }
    }
}

/// <summary>The caption of a table in a <see cref="TableRegionTagHelper"/> region: gets an id (unless it has one) that names the region.</summary>
[HtmlTargetElement("caption")]
public sealed class TableCaptionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.TryGetValue(typeof(TableRegionTagHelper.CaptionSlot), out var item) && item is TableRegionTagHelper.CaptionSlot { IdPrefix: { } prefix } slot)
        {
            if (output.Attributes.TryGetAttribute("id", out var id)) slot.CaptionId = id.Value?.ToString();
            else
            {
                slot.CaptionId = prefix + "-titel";
                output.Attributes.SetAttribute("id", slot.CaptionId);
            }
        }
    }
}

/// <summary>A scroll region a page made itself (<c>&lt;div role="region"&gt;</c>): the tables in it get no second one.</summary>
[HtmlTargetElement("div", Attributes = "[role=region]")]
public sealed class ScrollRegionMarker : TagHelper
{
    public override void Init(TagHelperContext context) => context.Items[typeof(ScrollRegionMarker)] = true;
}
