using System.Text;
using System.Text.Encodings.Web;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.AnnualReports;

/// <summary>A report as an accessible HTML fragment: headings, paragraphs, lists, tables with header cells, charts with text alternatives.</summary>
public static class ReportHtml
{
    public static string Render(ReportDocument report)
    {
        var e = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append("<article class=\"report\"><h1>").Append(e.Encode(report.Title)).Append("</h1><p class=\"lead\">").Append(e.Encode(report.Subtitle)).Append("</p>");
        foreach (var line in report.CoverLines) sb.Append("<p>").Append(e.Encode(line)).Append("</p>");
        if (report.TableOfContents)
        {
            sb.Append("<nav aria-label=\"Indhold\"><h2>Indhold</h2><ol>");
            var n = 0;
            foreach (var s in report.Sections.Where(s => s.Level == 1)) sb.Append("<li><a href=\"#afsnit-").Append(n++).Append("\">").Append(e.Encode(s.Heading)).Append("</a></li>");
            sb.Append("</ol></nav>");
        }
        var index = 0;
        var tables = 0;
        foreach (var s in report.Sections)
        {
            var tag = s.Level <= 1 ? "h2" : "h3";
            sb.Append('<').Append(tag);
            if (s.Level <= 1) sb.Append(" id=\"afsnit-").Append(index++).Append('"');
            sb.Append('>').Append(e.Encode(s.Heading)).Append("</").Append(tag).Append('>');
            foreach (var p in s.Paragraphs) sb.Append("<p>").Append(e.Encode(p)).Append("</p>");
            if (s.Bullets.Count > 0)
            {
                sb.Append("<ul>");
                foreach (var b in s.Bullets) sb.Append("<li>").Append(e.Encode(b)).Append("</li>");
                sb.Append("</ul>");
            }
            if (s.TableHeader is { } header && s.TableRows is { } rows)
            {
                // A caption names the table and its focusable scroll region (as TableRegionTagHelper does on the pages).
                var caption = $"tabel-{++tables}-titel";
                sb.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(caption).Append("\"><table><caption id=\"").Append(caption).Append("\">")
                  .Append(e.Encode(s.Heading)).Append("</caption><thead><tr>");
                foreach (var h in header) sb.Append("<th scope=\"col\">").Append(e.Encode(h)).Append("</th>");
                sb.Append("</tr></thead><tbody>");
                foreach (var r in rows)
                {
                    sb.Append("<tr>");
                    for (var i = 0; i < r.Count; i++)
                        sb.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(e.Encode(r[i])).Append(i == 0 ? "</th>" : "</td>");
                    sb.Append("</tr>");
                }
                sb.Append("</tbody></table></div>");
            }
            foreach (var img in s.Images)
                sb.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(img.Png)).Append("\" alt=\"").Append(e.Encode(img.Caption + (s.TableRows is not null ? ". Tallene står i tabellen ovenfor." : "")))
                  .Append("\" /><figcaption>").Append(e.Encode(img.Caption)).Append("</figcaption></figure>");
        }
        sb.Append("</article>");
        return sb.ToString();
    }
}
