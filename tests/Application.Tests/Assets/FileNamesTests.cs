using System.Text;
using BrandAutomator.Application.Assets;

namespace BrandAutomator.Application.Tests.Assets;

public class FileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("C:\\Users\\ann\\Desktop\\logo.png", "logo.png")]
    [InlineData("/var/www/", "www")]
    [InlineData("..", "file")]
    [InlineData("../..", "file")]
    [InlineData("...hidden..pdf", "hidden.pdf")]
    [InlineData("  report .pdf . ", "report .pdf")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("nul", "_nul")]
    [InlineData("com1.tar.gz", "_com1.tar.gz")]
    [InlineData("console.txt", "console.txt")]
    [InlineData("a<b>c:d|e?f*.txt", "a_b_c_d_e_f_.txt")]
    [InlineData("brand\0book.pdf", "brandbook.pdf")]
    [InlineData("brand\nbook\r\n.pdf", "brandbook.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("logo\u200B.png", "logo.png")]
    [InlineData("résumé 2026.pdf", "résumé 2026.pdf")]
    [InlineData("写真 🚀.jpg", "写真 🚀.jpg")]
    [InlineData("", "file")]
    [InlineData("   ", "file")]
    [InlineData(null, "file")]
    public void Hostile_and_unusual_names_become_safe(string? name, string expected)
    {
        Assert.Equal(expected, FileNames.Sanitize(name));
    }

    [Fact]
    public void Decomposed_accents_are_normalised_to_composed_form()
    {
        var decomposed = "re\u0301sume\u0301.pdf";

        var sanitized = FileNames.Sanitize(decomposed);

        Assert.Equal("résumé.pdf", sanitized);
        Assert.True(sanitized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void A_long_name_is_cut_to_the_limit_keeping_its_extension()
    {
        var sanitized = FileNames.Sanitize(new string('a', 500) + ".docx");

        Assert.Equal(FileNames.MaxLength, sanitized.Length);
        Assert.EndsWith(".docx", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_name_is_never_cut_inside_a_character()
    {
        var sanitized = FileNames.Sanitize(string.Concat(Enumerable.Repeat("🚀", 300)) + ".png");

        Assert.True(sanitized.Length <= FileNames.MaxLength);
        Assert.EndsWith(".png", sanitized, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(sanitized[^5]));
    }

    [Fact]
    public void A_lone_surrogate_is_dropped()
    {
        Assert.Equal("ab.txt", FileNames.Sanitize("a\uD800b.txt"));
    }
}
