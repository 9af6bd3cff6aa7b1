using Tilsyn.DataSubjects;

namespace Tilsyn.Tests.DataSubjects;

public sealed class PersonKeyTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void A_cpr_key_keeps_the_digits_and_shows_only_the_masked_number()
    {
        var key = PersonKey.Create(PersonKeyKind.Cpr, " 010190-1234 ", Today);
        Assert.Equal("0101901234", key.CprDigits);
        Assert.Equal("010190-xxxx", key.Value);
        Assert.DoesNotContain("1234", key.ToString());
        Assert.Contains("010190-1234", key.TextForms());
    }

    [Theory]
    [InlineData(PersonKeyKind.Cpr, "320190-1234")]
    [InlineData(PersonKeyKind.Name, "Al")]
    [InlineData(PersonKeyKind.Email, "anna.example.org")]
    [InlineData(PersonKeyKind.Phone, "12 34")]
    [InlineData(PersonKeyKind.Phone, "12ab5678")]
    [InlineData(PersonKeyKind.Name, "   ")]
    public void A_key_that_would_find_nothing_certain_is_refused(PersonKeyKind kind, string text) =>
        Assert.Throws<DomainException>(() => PersonKey.Create(kind, text, Today));

    [Theory]
    [InlineData("+45 12 34 56 78", "12345678")]
    [InlineData("0045 12345678", "12345678")]
    [InlineData("12-34-56-78", "12345678")]
    public void A_phone_key_is_its_digits_without_the_danish_prefix(string text, string digits) =>
        Assert.Equal(digits, PersonKey.Create(PersonKeyKind.Phone, text, Today).Value);

    [Fact]
    public void An_email_key_is_lower_case_and_a_name_key_has_single_spaces()
    {
        Assert.Equal("anna@example.org", PersonKey.Create(PersonKeyKind.Email, "Anna@Example.org", Today).Value);
        Assert.Equal("Anna Hansen", PersonKey.Create(PersonKeyKind.Name, " Anna   Hansen ", Today).Value);
    }
}
