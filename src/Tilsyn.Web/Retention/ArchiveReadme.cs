using System.Globalization;

namespace Tilsyn.Web.Retention;

/// <summary>The package's <c>README.txt</c> (Danish, for the archive that receives it).</summary>
public static class ArchiveReadme
{
    public const string FileName = "README.txt";

    public static string Text(string location, DateTimeOffset createdAt, DateOnly from, DateOnly to, int cases, int documents) =>
        string.Create(CultureInfo.InvariantCulture, $"""
Arkivaflevering fra Tilsyn (Borgerrådgiveren)
=============================================

Aflevering:      {location}
Dannet:          {createdAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC
Periode:         sager lukket {from:yyyy-MM-dd} til {to:yyyy-MM-dd}
Antal sager:     {cases}
Antal dokumenter: {documents}

Pakken indeholder personoplysninger (navne, CPR-numre, kontaktoplysninger og sagernes
dokumenter). Den skal opbevares og behandles efter arkivets regler for sådanne data.

Indhold
-------
README.txt         Denne beskrivelse.
arkivindeks.xml    Indeks over sagerne: sagsnummer, sagstype, kanal, status, emne og
                   beskrivelse, forvaltning, enhed, KLE-emne, klagekategorier (med de regler,
                   der er fundet tilsidesat), datoer for modtagelse, afgørelse og lukning,
                   udfald, konklusion, parter (navn, CPR-nummer, e-mail, telefon, adresse),
                   sagens historik og listen over dokumenter med filnavn og SHA-256.
arkivindeks.xsd    XML-skemaet for arkivindeks.xml (navnerum urn:tilsyn:arkivaflevering:1).
sager/<sagsnummer>/dokumenter/<nr>-<art>.<filtype>
                   Sagens dokumenter, ét pr. fil, nummereret som i sagen (dokumentnummer
                   <sagsnummer>-<nr>). Art: indgaaende, udgaaende, bilag, notat, udtalelse.
SHA256SUMS.txt     SHA-256 for hver fil i pakken undtagen sig selv, i formatet fra
                   sha256sum. Kontrollér pakken med:  sha256sum -c SHA256SUMS.txt

Dokumenternes format (attributten format på <fil> i indekset)
--------------------------------------------------------------
pdfa       Dannet af Tilsyn som PDF/A (tekstdokumenter som klagen, notater og
           udtalelser, og billedbilag). Erklæret som PDF/A-1a i dokumentets metadata.
pdf        En PDF, som den blev journaliseret (sendte breve, PDF-bilag); kopieret
           uændret, og derfor ikke nødvendigvis PDF/A.
original   Et bilag, der ikke kunne gøres til PDF (fx Word-filer), gemt uændret som
           modtaget; indekset har en note om det.

Datoer og tidspunkter i indekset er UTC (ISO 8601). Koder (attributten kode) er Tilsyns
faste navne; teksten er det danske navn.

Pakken er kontrolleret af Tilsyn, før afleveringen blev registreret: hver fil er læst
igen og sammenlignet med sin kontrolsum, og hver PDF er åbnet. Kontrolsummen af
SHA256SUMS.txt er gemt i Tilsyn sammen med afleveringen.

""");
}
