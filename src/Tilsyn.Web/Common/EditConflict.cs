using Tilsyn.Audits;
using Tilsyn.Complaints;
using Tilsyn.Evaluations;
using Tilsyn.Publishing;
using Tilsyn.Recommendations;

namespace Tilsyn.Web.Common;

/// <summary>
/// The Danish words for a refused stale save (<see cref="AggregateVersion"/>): the thing that was
/// changed by someone else, named as the page calls it.
/// </summary>
public static class EditConflict
{
    /// <summary>The message for a save refused because the aggregate changed after it was loaded.</summary>
    public static string Message(DbUpdateConcurrencyException conflict)
    {
        var type = conflict.Entries.Select(e => e.Metadata)
            .Select(t => t.FindProperty(AggregateVersion.Property) is not null ? t : t.GetForeignKeys().Select(fk => fk.PrincipalEntityType).FirstOrDefault(p => p.FindProperty(AggregateVersion.Property) is not null))
            .FirstOrDefault(t => t is not null)?.ClrType;
        return Message(type);
    }

    public static string Message(Type? aggregate)
    {
        var (what, it) = aggregate switch
        {
            _ when aggregate == typeof(ComplaintCase) => ("Sagen", "den"),
            _ when aggregate == typeof(EvaluationAnswerRecord) => ("Besvarelsen", "den"),
            _ when aggregate == typeof(Recommendation) => ("Henstillingen", "den"),
            _ when aggregate == typeof(AnnualReport) => ("Beretningen", "den"),
            _ when aggregate == typeof(SampledCase) => ("Svarene for sagen", "dem"),
            _ when aggregate == typeof(Tilsyn.Retention.RetentionRule) => ("Reglen", "den"),
            _ => ("Oplysningerne", "dem"),
        };
        return $"{what} er blevet ændret af en anden, siden du åbnede {it}. Genindlæs siden og prøv igen.";
    }
}
