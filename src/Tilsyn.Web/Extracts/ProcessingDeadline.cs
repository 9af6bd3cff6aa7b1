namespace Tilsyn.Web.Extracts;

/// <summary>A published processing-time deadline (<i>sagsbehandlingsfrist</i>) for an administration and case type.</summary>
public sealed class ProcessingDeadline
{
    public int Id { get; set; }
    public int AdministrationId { get; set; }
    public string CaseType { get; set; } = "";
    public int Amount { get; set; }
    /// <summary><c>days</c> or <c>weeks</c>, as published.</summary>
    public bool InWeeks { get; set; }
    public int Days => InWeeks ? Amount * 7 : Amount;
}
