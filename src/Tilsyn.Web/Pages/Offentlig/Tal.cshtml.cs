using Microsoft.AspNetCore.RateLimiting;
using Tilsyn.PublicFigures;
using Tilsyn.Web.PublicFigures;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>
/// The city-wide figures of the advisor's work per year (<c>/offentlig/tal</c>: the newest year offered;
/// <c>/offentlig/tal/{year}</c>: an offered year, else 404). No login; every count through the small-number suppression.
/// </summary>
[EnableRateLimiting(OpenDataApi.Policy)]
public sealed class TalModel(PublicFiguresService figures) : PageModel
{
    public IReadOnlyList<int> Years { get; private set; } = [];
    public YearFigures? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        Years = [.. (await figures.YearsAsync(ct)).Select(y => y.Year)];
        if (year is null && Years.Count == 0) return Page(); // nothing published yet
        Figures = await figures.ForYearAsync(year ?? Years[0], ct);
        return Figures is null ? NotFound() : Page();
    }
}

/// <summary>What the table partial shows: a suppressed table with its rows (administrations) and, transposed, administrations as columns.</summary>
public sealed record PublicTableView(string Id, string Caption, SuppressedTable Table, IReadOnlyList<PublicRow> Rows, string RowHeader, string TotalHeader, bool Transpose = false);
