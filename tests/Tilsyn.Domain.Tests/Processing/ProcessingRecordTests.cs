using Tilsyn.Processing;

namespace Tilsyn.Tests.Processing;

public sealed class ProcessingRecordTests
{
    private static ProcessingRecordInput Input(IReadOnlyList<RecipientAdministration>? administrations = null, IReadOnlyList<string>? rules = null) => new(
        "Københavns Kommune",
        "Databeskyttelsesrådgiveren, dpo@kk.dk",
        administrations ?? [new("SOF", "Socialforvaltningen"), new("BUF", "Børne- og Ungdomsforvaltningen")],
        rules ?? ["Standard: 5 år efter sagens afslutning, kassation"],
        new DateOnly(2026, 11, 30));

    private static ProcessingSection Section(ProcessingRecord record, string startsWith) =>
        Assert.Single(record.Sections, s => s.Heading.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public void The_record_answers_every_point_of_article_30_in_order()
    {
        var record = ProcessingRecord.Build(Input());

        Assert.Equal("Fortegnelse over behandlingsaktiviteter", record.Title);
        Assert.Equal("Københavns Kommune · udarbejdet 30-11-2026", record.Subtitle);
        Assert.Equal(
            ["litra a", "litra b", "litra c", "litra c", "litra d", "litra e", "litra f", "litra g"],
            record.Sections.Select(s => s.Heading[s.Heading.IndexOf("litra", StringComparison.Ordinal)..][..7]));
    }

    [Fact]
    public void The_controller_and_the_DPO_come_from_the_input()
    {
        var section = Section(ProcessingRecord.Build(Input()), "Dataansvarlig");

        Assert.Contains("Dataansvarlig: Københavns Kommune", section.Bullets);
        Assert.Contains("Databeskyttelsesrådgiver (DPO): Databeskyttelsesrådgiveren, dpo@kk.dk", section.Bullets);
    }

    [Fact]
    public void The_recipients_are_the_administrations_sorted_by_name()
    {
        var section = Section(ProcessingRecord.Build(Input()), "Modtagere");

        Assert.Equal(["Kode", "Forvaltning"], section.TableHeader);
        Assert.Equal([["BUF", "Børne- og Ungdomsforvaltningen"], ["SOF", "Socialforvaltningen"]], section.TableRows!.Select(r => r.ToArray()));
        Assert.Contains(section.Paragraphs, p => p.Contains("aldrig CPR-numre", StringComparison.Ordinal) && p.Contains("De 2 forvaltninger", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_administrations_the_record_says_so_instead_of_an_empty_table()
    {
        var section = Section(ProcessingRecord.Build(Input(administrations: [])), "Modtagere");

        Assert.Null(section.TableRows);
        Assert.Contains(section.Paragraphs, p => p.EndsWith(ProcessingRecord.NoAdministrations, StringComparison.Ordinal));
    }

    [Fact]
    public void The_retention_rules_are_listed_as_given()
    {
        var record = ProcessingRecord.Build(Input(rules: ["Klager (27.24): 10 år, bevaring", "Standard: 5 år, kassation"]));

        Assert.Equal(["Klager (27.24): 10 år, bevaring", "Standard: 5 år, kassation"], Section(record, "Tidsfrister for sletning").Bullets);
    }

    [Fact]
    public void There_are_no_transfers_to_third_countries()
    {
        Assert.StartsWith("Ingen.", Assert.Single(Section(ProcessingRecord.Build(Input()), "Overførsel til tredjelande").Paragraphs));
    }

    [Fact]
    public void Categories_name_CPR_encryption_and_special_categories_and_security_names_the_access_log()
    {
        var record = ProcessingRecord.Build(Input());

        var categories = Section(record, "Kategorier af personoplysninger").TableRows!;
        Assert.Contains(categories, r => r[0].StartsWith("CPR-nummer", StringComparison.Ordinal) && r[2].Contains("Krypteret", StringComparison.Ordinal));
        Assert.Contains(categories, r => r[0].Contains("art. 9", StringComparison.Ordinal) && r[1].Contains("Helbred", StringComparison.Ordinal));
        var subjects = Section(record, "Kategorier af registrerede").Bullets;
        Assert.Contains(subjects, b => b.StartsWith("Pårørende, børn", StringComparison.Ordinal));
        var security = Section(record, "Tekniske og organisatoriske").Bullets;
        Assert.Contains(security, b => b.StartsWith("Adgangslog", StringComparison.Ordinal) && b.Contains("hashkæde", StringComparison.Ordinal));
        Assert.Contains(security, b => b.StartsWith("Kryptering", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "dpo@kk.dk", "Processing:ControllerName")]
    [InlineData("Københavns Kommune", "  ", "Processing:DpoContact")]
    public void A_record_without_controller_or_DPO_is_refused_naming_the_setting(string controller, string dpo, string setting)
    {
        var error = Assert.Throws<DomainException>(() => ProcessingRecord.Build(Input() with { ControllerName = controller, DpoContact = dpo }));

        Assert.Contains(setting, error.Message);
    }
}
