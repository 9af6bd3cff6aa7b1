using System.Security.Claims;
using Tilsyn.Extracts;
using Tilsyn.Web.Extracts;

namespace Tilsyn.Web.Pages.Extracts;

[Authorize(Policy = Policies.AdvisorStaff)]
public sealed class JobModel(ExtractJobs jobs) : PageModel
{
    public ExtractJob Job { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        var job = jobs.Get(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (job is null) return NotFound();
        Job = job;
        return Page();
    }

    public static string KindName(RowErrorKind kind) => kind switch
    {
        RowErrorKind.MissingValue => "Manglende værdi",
        RowErrorKind.BadDate => "Ugyldig dato",
        RowErrorKind.DecisionBeforeOpening => "Afgørelse før oprettelse",
        RowErrorKind.ClosedBeforeOpening => "Lukket før oprettelse",
        RowErrorKind.UnknownAdministration => "Ukendt forvaltning",
        RowErrorKind.UnknownUnit => "Ukendt enhed",
        RowErrorKind.BadKle => "Ugyldig KLE-kode",
        RowErrorKind.OutsidePeriod => "Uden for perioden",
        RowErrorKind.TooLong => "For lang tekst",
        _ => kind.ToString(),
    };
}
