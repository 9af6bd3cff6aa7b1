namespace Tilsyn.Retention;

/// <summary>What happens to a case when its retention period has run out (decided by the municipality's archive).</summary>
public enum RetentionDisposition
{
    /// <summary><i>Kassation</i>: the personal data are deleted; a pseudonymous stub stays for the statistics.</summary>
    Discard = 1,
    /// <summary><i>Bevaring</i>: the case is delivered to the archive first (<i>arkivloven</i>), then deleted like a discarded one.</summary>
    Preserve = 2,
}

public static class RetentionDispositions
{
    public static string Name(RetentionDisposition d) => d switch
    {
        RetentionDisposition.Discard => "Kassér",
        RetentionDisposition.Preserve => "Bevar",
        _ => d.ToString(),
    };

    /// <summary>What the disposition does, for screens.</summary>
    public static string Explain(RetentionDisposition d) => d switch
    {
        RetentionDisposition.Discard => "personoplysningerne slettes",
        RetentionDisposition.Preserve => "sagen afleveres til arkivet og slettes derefter",
        _ => d.ToString(),
    };
}
