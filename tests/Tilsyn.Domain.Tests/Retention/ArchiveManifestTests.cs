using Tilsyn.Retention;

namespace Tilsyn.Domain.Tests.Retention;

public sealed class ArchiveManifestTests
{
    private static readonly string ShaA = new('a', 64), ShaB = new string('0', 63) + "f";

    [Fact]
    public void The_list_is_sorted_by_path_in_sha256sum_format_and_reads_back_the_same()
    {
        var text = ArchiveManifest.Write(new Dictionary<string, string> { ["sager/2026-0000001/dokumenter/01-notat.pdf"] = ShaB, ["README.txt"] = ShaA });

        Assert.Equal($"{ShaA}  README.txt\n{ShaB}  sager/2026-0000001/dokumenter/01-notat.pdf\n", text);
        var read = ArchiveManifest.Read(text);
        Assert.Equal(ShaA, read["README.txt"]);
        Assert.Equal(ShaB, read["sager/2026-0000001/dokumenter/01-notat.pdf"]);
    }

    [Theory]
    [InlineData("../udenfor.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("sager//dobbelt.pdf")]
    [InlineData("sager\\windows.pdf")]
    [InlineData("sager/./punkt.pdf")]
    [InlineData("")]
    public void A_path_that_could_leave_the_package_is_refused(string path)
    {
        Assert.Throws<DomainException>(() => ArchiveManifest.Write(new Dictionary<string, string> { [path] = ShaA }));
    }

    [Theory]
    [InlineData("ikke en kontrolsum  README.txt\n")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA  README.txt\n")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa README.txt\n")]
    public void A_malformed_line_or_checksum_is_refused(string text)
    {
        Assert.Throws<DomainException>(() => ArchiveManifest.Read(text));
    }

    [Fact]
    public void A_file_listed_twice_is_refused()
    {
        Assert.Throws<DomainException>(() => ArchiveManifest.Read($"{ShaA}  README.txt\n{ShaB}  README.txt\n"));
    }

    [Fact]
    public void A_document_lies_in_its_case_folder_named_by_its_number_and_kind()
    {
        Assert.Equal("sager/2026-0000001/dokumenter/03-udgaaende.pdf", ArchiveManifest.DocumentFile("2026-0000001", 3, "udgaaende", ".pdf"));
    }
}
