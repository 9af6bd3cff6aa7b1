using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Tilsyn.Web.PublicFigures;

namespace Tilsyn.Web.Pages.Offentlig;

/// <summary>The data dictionary of the open data (<c>/offentlig/data/ordbog</c>): per dataset each column's meaning, unit, source and suppression rule, the licence and the files.</summary>
[EnableRateLimiting(OpenDataApi.Policy)]
public sealed class DataOrdbogModel(PublicFiguresService figures, IOptions<PublicSiteOptions> site, IOptions<Tilsyn.Web.Processing.ProcessingOptions> processing) : PageModel
{
    public IReadOnlyList<DataSetInfo> DataSets { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int Threshold { get; private set; }
    public string Publisher { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Threshold = figures.Threshold;
        DataSets = OpenData.DataSets(Threshold);
        Years = [.. (await figures.YearsAsync(ct)).Select(y => y.Year).Order()];
        Publisher = OpenDataApi.Publisher(site.Value, processing.Value);
    }
}
