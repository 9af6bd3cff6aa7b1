namespace Tilsyn.Complaints;

/// <summary>Where a complaint was handled (<i>behandlet af</i>), the split of the committee report.</summary>
public enum HandledBy
{
    /// <summary>By the administration itself (<i>forvaltningen selv</i>).</summary>
    Administration = 1,
    /// <summary>By the Citizens' Advisor (<i>Borgerrådgiveren</i>).</summary>
    Advisor = 2,
}
