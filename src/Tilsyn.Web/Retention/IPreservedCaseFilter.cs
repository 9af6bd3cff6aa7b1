namespace Tilsyn.Web.Retention;

/// <summary>
/// The hook between the archive page and the retention rules (<i>bevaring / kassation</i>): when an
/// implementation is registered, <c>/Arkiv</c> offers "kun sager, der skal bevares" and exports only
/// the cases it keeps. Without one the page exports every case closed in the period.
/// </summary>
public interface IPreservedCaseFilter
{
    /// <summary>Of the given cases, those whose retention rule says <i>bevar</i>.</summary>
    Task<IReadOnlyList<int>> PreservedAsync(IReadOnlyList<int> caseIds, CancellationToken ct);
}
