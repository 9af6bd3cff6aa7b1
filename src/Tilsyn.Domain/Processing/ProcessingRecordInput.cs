namespace Tilsyn.Processing;

/// <summary>
/// What the record of processing (<see cref="ProcessingRecord"/>) is built from: the configuration and the
/// database's current lists, so the DPO starts from a true document.
/// </summary>
/// <param name="ControllerName">The controller (<i>dataansvarlig</i>): the municipality, e.g. "Københavns Kommune".</param>
/// <param name="DpoContact">How to reach the data protection officer (<i>databeskyttelsesrådgiver</i>).</param>
/// <param name="Administrations">The administrations (<i>forvaltninger</i>) that receive shared cases: the recipients.</param>
/// <param name="RetentionRules">The retention rules as lines of text, e.g. "5 år efter sagens afslutning, kassation".</param>
/// <param name="Date">The day the record is generated (Copenhagen).</param>
public sealed record ProcessingRecordInput(
    string ControllerName,
    string DpoContact,
    IReadOnlyList<RecipientAdministration> Administrations,
    IReadOnlyList<string> RetentionRules,
    DateOnly Date);

/// <summary>An administration as a recipient: its code and name.</summary>
public sealed record RecipientAdministration(string Code, string Name);
