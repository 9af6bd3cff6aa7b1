namespace Tilsyn.Extracts;

/// <summary>The character set (<i>tegnsæt</i>) an extract file is read in.</summary>
public enum ExtractCharset
{
    /// <summary>Nothing but ASCII read so far: the same bytes in every character set the import takes.</summary>
    Undecided,
    Utf8,
    /// <summary>Windows-1252 ("ANSI"): what Danish Excel writes for "CSV (semikolonsepareret)".</summary>
    Windows1252,
}
