using Tilsyn.Audits;

namespace Tilsyn.Web.CaseAudits;

public static class AuditTexts
{
    public static string Design(StratifyBy by, SampleDesign design) => (by, design) switch
    {
        (StratifyBy.None, _) => "simpel tilfældig stikprøve",
        (StratifyBy.Unit, SampleDesign.StratifiedEqual) => "opdelt efter enhed, lige mange pr. enhed",
        (StratifyBy.Unit, _) => "opdelt efter enhed, proportional fordeling",
        (StratifyBy.CaseType, SampleDesign.StratifiedEqual) => "opdelt efter sagstype, lige mange pr. sagstype",
        _ => "opdelt efter sagstype, proportional fordeling",
    };
}
