using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Tilsyn.Complaints;

namespace Tilsyn.Web.Retention;

/// <summary>One case as the archive index describes it: its metadata, its party and where its documents lie in the package.</summary>
public sealed record ArchiveCase(
    ComplaintCase Case, string? AdministrationCode, string? AdministrationName, string? UnitName, string? KleTitle,
    string? Cpr, IReadOnlyList<ArchiveDocumentFile> Documents);

/// <summary>
/// A document's metadata and its file in the package: path, format (<c>pdfa</c>, <c>pdf</c> or
/// <c>original</c>), checksum and a note when it is not a PDF. The content is not held here: the
/// export keeps one document's bytes in memory at a time.
/// </summary>
public sealed record ArchiveDocumentFile(
    int Sequence, DocumentKind Kind, string Title, DateTimeOffset CreatedAt, string CreatedByName, string? FileName, string? ContentType,
    string Path, string Format, string Sha256, string? Note);

/// <summary>
/// The package's index <c>arkivindeks.xml</c> (namespace <see cref="Namespace"/>) and its schema
/// <c>arkivindeks.xsd</c>, which is written into every package: one <c>sag</c> per case with
/// its metadata, party, history and documents. Codes (<c>kode</c> attributes) are Tilsyn's stable enum
/// names; the element text is the Danish name a reader sees.
/// </summary>
public static class ArchiveIndex
{
    public const string FileName = "arkivindeks.xml";
    public const string SchemaFileName = "arkivindeks.xsd";
    public const string Namespace = "urn:tilsyn:arkivaflevering:1";

    public static byte[] Write(DateTimeOffset createdAt, string reason, DateOnly from, DateOnly to, IReadOnlyList<ArchiveCase> cases)
    {
        using var ms = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = true };
        using (var x = XmlWriter.Create(ms, settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("arkivaflevering", Namespace);
            x.WriteAttributeString("version", "1");
            x.WriteStartElement("aflevering", Namespace);
            El(x, "system", "Tilsyn");
            El(x, "oprettet", Instant(createdAt));
            El(x, "aarsag", reason);
            El(x, "periodeFra", Day(from));
            El(x, "periodeTil", Day(to));
            El(x, "antalSager", cases.Count.ToString(CultureInfo.InvariantCulture));
            El(x, "antalDokumenter", cases.Sum(c => c.Documents.Count).ToString(CultureInfo.InvariantCulture));
            x.WriteEndElement();
            x.WriteStartElement("sager", Namespace);
            foreach (var a in cases) WriteCase(x, a);
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return ms.ToArray();
    }

    private static void WriteCase(XmlWriter x, ArchiveCase a)
    {
        var c = a.Case;
        x.WriteStartElement("sag", Namespace);
        El(x, "sagsnummer", c.Number);
        Coded(x, "sagstype", c.Type.ToString(), CaseTexts.Name(c.Type));
        Coded(x, "kanal", c.Channel.ToString(), CaseTexts.Name(c.Channel));
        Coded(x, "status", c.Status.ToString(), CaseWorkflow.Name(c.Status));
        El(x, "emne", c.Subject);
        El(x, "beskrivelse", c.Description);
        if (a.AdministrationCode is not null) Coded(x, "forvaltning", a.AdministrationCode, a.AdministrationName ?? a.AdministrationCode);
        if (a.UnitName is not null) El(x, "enhed", a.UnitName);
        if (c.KleCode is not null) Coded(x, "kle", c.KleCode, a.KleTitle ?? "");
        x.WriteStartElement("kategorier", Namespace);
        foreach (var cat in c.Categories.OrderBy(k => k.Category))
        {
            x.WriteStartElement("kategori", Namespace);
            x.WriteAttributeString("kode", cat.Category.ToString());
            x.WriteAttributeString("tilsidesat", cat.Breached ? "true" : "false");
            if (ComplaintCategories.Info(cat.Category).LegalRule is { } rule) x.WriteAttributeString("regel", rule);
            x.WriteString(ComplaintCategories.Name(cat.Category));
            x.WriteEndElement();
        }
        x.WriteEndElement();
        El(x, "modtaget", Instant(c.ReceivedAt));
        if (c.ConcludedAt is { } concluded) El(x, "afgjort", Instant(concluded));
        if (c.ClosedAt is { } closed) El(x, "lukket", Instant(closed));
        if (c.Outcome is { } outcome) Coded(x, "udfald", outcome.ToString(), CaseTexts.Name(outcome));
        Optional(x, "konklusion", c.ConclusionText);
        Optional(x, "henstilling", c.RecommendationText);
        Optional(x, "afvisningsgrund", c.RejectionReason);
        Optional(x, "videresendtTil", c.ForwardedTo);
        x.WriteStartElement("parter", Namespace);
        if (c.Citizen is { } p)
        {
            x.WriteStartElement("part", Namespace);
            x.WriteAttributeString("rolle", "borger");
            El(x, "navn", p.Name);
            if (a.Cpr is not null) El(x, "cpr", a.Cpr);
            else if (p.MaskedCpr is not null) El(x, "cprMaskeret", p.MaskedCpr);
            Optional(x, "email", p.Email);
            Optional(x, "telefon", p.Phone);
            Optional(x, "adresse", p.Address);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteStartElement("historik", Namespace);
        foreach (var e in c.Events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            x.WriteStartElement("haendelse", Namespace);
            x.WriteAttributeString("tidspunkt", Instant(e.At));
            x.WriteAttributeString("aktoer", e.ActorName);
            x.WriteString(e.Text);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteStartElement("dokumenter", Namespace);
        foreach (var f in a.Documents)
        {
            x.WriteStartElement("dokument", Namespace);
            El(x, "dokumentnummer", CaseNumber.FormatDocument(c.Number, f.Sequence));
            Coded(x, "art", f.Kind.ToString(), KindName(f.Kind));
            El(x, "titel", f.Title);
            El(x, "oprettet", Instant(f.CreatedAt));
            El(x, "oprettetAf", f.CreatedByName);
            x.WriteStartElement("fil", Namespace);
            x.WriteAttributeString("format", f.Format);
            x.WriteAttributeString("sha256", f.Sha256);
            x.WriteString(f.Path);
            x.WriteEndElement();
            Optional(x, "oprindeligtFilnavn", f.FileName);
            Optional(x, "indholdstype", f.ContentType);
            Optional(x, "note", f.Note);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
    }

    /// <summary>The Danish name of a document kind (<i>dokumentart</i>).</summary>
    public static string KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.Incoming => "Indgående",
        DocumentKind.Outgoing => "Udgående brev",
        DocumentKind.Attachment => "Bilag",
        DocumentKind.Note => "Notat",
        DocumentKind.Statement => "Udtalelse",
        _ => kind.ToString(),
    };

    /// <summary>The kind in a file name (ASCII, so every file system and zip tool takes it).</summary>
    public static string KindSlug(DocumentKind kind) => kind switch
    {
        DocumentKind.Incoming => "indgaaende",
        DocumentKind.Outgoing => "udgaaende",
        DocumentKind.Attachment => "bilag",
        DocumentKind.Note => "notat",
        DocumentKind.Statement => "udtalelse",
        _ => "dokument",
    };

    private static void El(XmlWriter x, string name, string value) => x.WriteElementString(name, Namespace, XmlSafe(value));

    private static void Optional(XmlWriter x, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) El(x, name, value);
    }

    private static void Coded(XmlWriter x, string name, string code, string text)
    {
        x.WriteStartElement(name, Namespace);
        x.WriteAttributeString("kode", code);
        x.WriteString(XmlSafe(text));
        x.WriteEndElement();
    }

    /// <summary>XML 1.0 cannot hold most control characters; a pasted one becomes U+FFFD rather than failing the delivery.</summary>
    private static string XmlSafe(string s) =>
        s.All(XmlConvert.IsXmlChar) ? s : new string(s.Select(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD').ToArray());

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Checks an index against <see cref="Schema"/>; throws <see cref="XmlSchemaValidationException"/> on the first error.</summary>
    public static void Validate(byte[] index)
    {
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(new StringReader(Schema))) schemas.Add(Namespace, reader);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => throw e.Exception;
        using var xml = XmlReader.Create(new MemoryStream(index, writable: false), settings);
        while (xml.Read()) { }
    }

    /// <summary>The schema of <see cref="FileName"/> (XSD 1.0), written into every package as <see cref="SchemaFileName"/>.</summary>
    public const string Schema = """
<?xml version="1.0" encoding="UTF-8"?>
<!-- Skema for arkivindeks.xml i en arkivaflevering fra Tilsyn (Borgerrådgiveren). Version 1. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns="urn:tilsyn:arkivaflevering:1"
           targetNamespace="urn:tilsyn:arkivaflevering:1"
           elementFormDefault="qualified">
  <xs:element name="arkivaflevering">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="aflevering" type="Aflevering"/>
        <xs:element name="sager">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="sag" type="Sag" maxOccurs="unbounded"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="version" type="xs:string" use="required"/>
    </xs:complexType>
  </xs:element>

  <!-- Tekst med en stabil kode (Tilsyns interne navn) og det danske navn som indhold. -->
  <xs:complexType name="Kodet">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="kode" type="xs:string" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:simpleType name="Sha256">
    <xs:restriction base="xs:string">
      <xs:pattern value="[0-9a-f]{64}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:complexType name="Aflevering">
    <xs:sequence>
      <xs:element name="system" type="xs:string"/>
      <xs:element name="oprettet" type="xs:dateTime"/>
      <xs:element name="aarsag" type="xs:string"/>
      <xs:element name="periodeFra" type="xs:date"/>
      <xs:element name="periodeTil" type="xs:date"/>
      <xs:element name="antalSager" type="xs:nonNegativeInteger"/>
      <xs:element name="antalDokumenter" type="xs:nonNegativeInteger"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Sag">
    <xs:sequence>
      <xs:element name="sagsnummer" type="xs:string"/>
      <xs:element name="sagstype" type="Kodet"/>
      <xs:element name="kanal" type="Kodet"/>
      <xs:element name="status" type="Kodet"/>
      <xs:element name="emne" type="xs:string"/>
      <xs:element name="beskrivelse" type="xs:string"/>
      <xs:element name="forvaltning" type="Kodet" minOccurs="0"/>
      <xs:element name="enhed" type="xs:string" minOccurs="0"/>
      <xs:element name="kle" type="Kodet" minOccurs="0"/>
      <xs:element name="kategorier">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="kategori" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:simpleContent>
                  <xs:extension base="xs:string">
                    <xs:attribute name="kode" type="xs:string" use="required"/>
                    <xs:attribute name="tilsidesat" type="xs:boolean" use="required"/>
                    <xs:attribute name="regel" type="xs:string"/>
                  </xs:extension>
                </xs:simpleContent>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="modtaget" type="xs:dateTime"/>
      <xs:element name="afgjort" type="xs:dateTime" minOccurs="0"/>
      <xs:element name="lukket" type="xs:dateTime" minOccurs="0"/>
      <xs:element name="udfald" type="Kodet" minOccurs="0"/>
      <xs:element name="konklusion" type="xs:string" minOccurs="0"/>
      <xs:element name="henstilling" type="xs:string" minOccurs="0"/>
      <xs:element name="afvisningsgrund" type="xs:string" minOccurs="0"/>
      <xs:element name="videresendtTil" type="xs:string" minOccurs="0"/>
      <xs:element name="parter">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="part" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:sequence>
                  <xs:element name="navn" type="xs:string"/>
                  <xs:choice minOccurs="0">
                    <xs:element name="cpr" type="xs:string"/>
                    <xs:element name="cprMaskeret" type="xs:string"/>
                  </xs:choice>
                  <xs:element name="email" type="xs:string" minOccurs="0"/>
                  <xs:element name="telefon" type="xs:string" minOccurs="0"/>
                  <xs:element name="adresse" type="xs:string" minOccurs="0"/>
                </xs:sequence>
                <xs:attribute name="rolle" type="xs:string" use="required"/>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="historik">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="haendelse" minOccurs="0" maxOccurs="unbounded">
              <xs:complexType>
                <xs:simpleContent>
                  <xs:extension base="xs:string">
                    <xs:attribute name="tidspunkt" type="xs:dateTime" use="required"/>
                    <xs:attribute name="aktoer" type="xs:string" use="required"/>
                  </xs:extension>
                </xs:simpleContent>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="dokumenter">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="dokument" type="Dokument" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Dokument">
    <xs:sequence>
      <xs:element name="dokumentnummer" type="xs:string"/>
      <xs:element name="art" type="Kodet"/>
      <xs:element name="titel" type="xs:string"/>
      <xs:element name="oprettet" type="xs:dateTime"/>
      <xs:element name="oprettetAf" type="xs:string"/>
      <!-- Stien i pakken; format: pdfa (dannet som PDF/A), pdf (en PDF kopieret som journaliseret) eller original (filen som modtaget). -->
      <xs:element name="fil">
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="xs:string">
              <xs:attribute name="format" use="required">
                <xs:simpleType>
                  <xs:restriction base="xs:string">
                    <xs:enumeration value="pdfa"/>
                    <xs:enumeration value="pdf"/>
                    <xs:enumeration value="original"/>
                  </xs:restriction>
                </xs:simpleType>
              </xs:attribute>
              <xs:attribute name="sha256" type="Sha256" use="required"/>
            </xs:extension>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>
      <xs:element name="oprindeligtFilnavn" type="xs:string" minOccurs="0"/>
      <xs:element name="indholdstype" type="xs:string" minOccurs="0"/>
      <xs:element name="note" type="xs:string" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
""";
}
