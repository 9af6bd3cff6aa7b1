namespace Tilsyn.Web.Processing;

/// <summary>
/// Settings for the record of processing (<i>fortegnelse over behandlingsaktiviteter</i>), section <c>Processing</c>
/// (environment: <c>Processing__ControllerName</c>, <c>Processing__DpoContact</c>). The defaults are the demo
/// municipality's; a municipality sets its own.
/// </summary>
public sealed class ProcessingOptions
{
    public const string Section = "Processing";

    /// <summary>The controller (<i>dataansvarlig</i>): the municipality.</summary>
    public string ControllerName { get; set; } = "Københavns Kommune";

    /// <summary>How to reach the data protection officer (<i>databeskyttelsesrådgiver</i>).</summary>
    public string DpoContact { get; set; } = "Databeskyttelsesrådgiveren, Københavns Kommune, dpo@kommune.example";
}
