using Tilsyn.Processing;
using Tilsyn.Web.Processing;
using Tilsyn.Web.Reports;

namespace Tilsyn.Web.Pages.Behandlingsfortegnelse;

/// <summary>
/// The record of processing (<i>fortegnelse over behandlingsaktiviteter</i>, GDPR art. 30) for the advisor's
/// staff, as a page and as a Word document the DPO edits. It holds no citizen's data, so nothing is logged.
/// </summary>
[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class IndexModel(ProcessingRecordService records) : PageModel
{
    public ProcessingRecord Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Record = await records.BuildAsync(ct);

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        var record = await records.BuildAsync(ct);
        return ReportFormat.Docx.Download(ReportRenderer.ToDocx(ProcessingRecordService.ToReport(record)), "fortegnelse-over-behandlingsaktiviteter");
    }
}
