using BrandAutomator.Application.Common.Ports;
using SkiaSharp;
using UglyToad.PdfPig;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// Decides what an upload is from its bytes alone, against the allow-list of DESIGN.md section 7. The declared name
/// only tells Markdown from plain text; an extension that contradicts the content is overridden, never trusted.
/// </summary>
public sealed class ContentInspector : IContentInspector
{
    private const int HeadBytes = 64 * 1024;

    private const string NotRecognised =
        "The file type is not recognised. Accepted: PNG, JPEG, GIF and WebP images; MP4, MOV and WebM videos; PDF, Word (.docx), plain text and Markdown documents.";

    public Task<ContentInspection> InspectAsync(Stream file, string declaredFileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.CanSeek || !file.CanRead)
        {
            throw new ArgumentException("Inspection needs a readable, seekable local copy of the upload.", nameof(file));
        }

        // The work is parsing and decoding a local file: CPU-bound, so it runs here rather than pretending to be I/O.
        try
        {
            return Task.FromResult(Inspect(file, declaredFileName ?? "", cancellationToken));
        }
        catch (RefusalException refusal)
        {
            return Task.FromResult(ContentInspection.Refused(refusal.Message));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            return Task.FromResult(ContentInspection.Refused("The file is damaged or truncated and could not be read."));
        }
        finally
        {
            file.Position = 0;
        }
    }

    private static ContentInspection Inspect(Stream file, string declaredFileName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (file.Length == 0)
        {
            return ContentInspection.Refused("The file is empty.");
        }

        file.Position = 0;
        var head = new byte[(int)Math.Min(file.Length, HeadBytes)];
        file.ReadExactly(head);

        if (Signatures.Executable(head) is { } program)
        {
            return ContentInspection.Refused($"Executable files are never accepted, whatever their name: this is {program}.");
        }

        var cursor = new ByteCursor(file);
        var isZip = head.AsSpan().StartsWith(Signatures.ZipLocalHeader) || head.AsSpan().StartsWith(Signatures.ZipEmptyArchive);
        if (!isZip && Signatures.EndsWithZipDirectory(cursor))
        {
            return ContentInspection.Refused(
                "The file ends with a hidden ZIP archive: files that are two formats at once are not accepted.");
        }

        if (head.AsSpan().StartsWith(Signatures.Png))
        {
            ImageStructure.WalkPng(cursor);
            return CheckImage(file, head, "PNG", SKEncodedImageFormat.Png, "image/png", ".png", cancellationToken);
        }

        if (head.AsSpan().StartsWith(Signatures.Jpeg))
        {
            ImageStructure.WalkJpeg(cursor);
            return CheckImage(file, head, "JPEG", SKEncodedImageFormat.Jpeg, "image/jpeg", ".jpg", cancellationToken);
        }

        if (Signatures.IsGif(head))
        {
            ImageStructure.WalkGif(cursor);
            return CheckImage(file, head, "GIF", SKEncodedImageFormat.Gif, "image/gif", ".gif", cancellationToken);
        }

        if (Signatures.IsWebP(head))
        {
            ImageStructure.WalkWebP(cursor);
            return CheckImage(file, head, "WebP", SKEncodedImageFormat.Webp, "image/webp", ".webp", cancellationToken);
        }

        if (Signatures.IsIsoMedia(head))
        {
            var (mediaType, extension) = IsoMedia.Identify(cursor);
            IsoMedia.Walk(cursor, extension == ".mov" ? "MOV" : "MP4", cancellationToken);
            return Accept(AssetKind.Video, mediaType, extension);
        }

        if (head.AsSpan().StartsWith(Signatures.Ebml))
        {
            WebM.Walk(cursor);
            return Accept(AssetKind.Video, "video/webm", ".webm");
        }

        if (head.AsSpan().StartsWith(Signatures.Pdf))
        {
            CheckPdf(file, head, cursor);
            return Accept(AssetKind.Document, "application/pdf", ".pdf");
        }

        if (isZip)
        {
            if (Signatures.ForeignHeader(head, "ZIP", Signatures.ZipLocalHeader) is { } other)
            {
                return ContentInspection.Refused(PolyglotReason("ZIP", other));
            }

            WordDocumentChecks.Check(file, cancellationToken);
            return Accept(AssetKind.Document, WordDocumentChecks.MediaType, ".docx");
        }

        if (Signatures.KnownRefusedFormat(head) is { } refusedFormat)
        {
            return ContentInspection.Refused(refusedFormat);
        }

        var text = TextChecks.Inspect(file, cancellationToken);
        if (!text.IsText)
        {
            return ContentInspection.Refused(NotRecognised);
        }

        if (text.RefusalReason is { } reason)
        {
            return ContentInspection.Refused(reason);
        }

        return IsMarkdownName(declaredFileName)
            ? Accept(AssetKind.Text, "text/markdown", ".md")
            : Accept(AssetKind.Text, "text/plain", ".txt");
    }

    private static ContentInspection CheckImage(
        Stream file, byte[] head, string format, SKEncodedImageFormat expected, string mediaType, string extension, CancellationToken cancellationToken)
    {
        if (Signatures.EmbeddedMarkup(head) is { } tag)
        {
            return ContentInspection.Refused(
                $"The {format} image carries web markup ({tag}) inside it: files that are two formats at once are not accepted.");
        }

        using var codec = ImageDecoding.Open(file);
        if (codec.EncodedFormat != expected)
        {
            return ContentInspection.Refused($"The file starts like a {format} image but does not decode as one.");
        }

        ImageStructure.CheckSize(codec.Info.Width, codec.Info.Height);
        return ImageDecoding.DecodeFully(codec, cancellationToken) switch
        {
            SKCodecResult.Success => Accept(AssetKind.Image, mediaType, extension),
            SKCodecResult.IncompleteInput => ContentInspection.Refused($"The {format} image is truncated: its pixel data ends early."),
            _ => ContentInspection.Refused($"The {format} image is damaged: its pixel data does not decode."),
        };
    }

    private static void CheckPdf(Stream file, byte[] head, ByteCursor cursor)
    {
        if (Signatures.ForeignHeader(head, "PDF", Signatures.Pdf) is { } other)
        {
            throw new RefusalException(PolyglotReason("PDF", other));
        }

        // Readers look for the end marker in the last kilobyte; past it only line ends and padding may follow.
        var tailLength = (int)Math.Min(1024, cursor.Length);
        cursor.Position = cursor.Length - tailLength;
        var tail = new byte[tailLength];
        cursor.ReadExactly(tail);
        var eof = tail.AsSpan().LastIndexOf("%%EOF"u8);
        if (eof < 0)
        {
            throw new RefusalException("The PDF is truncated: it has no end-of-file marker (%%EOF).");
        }

        foreach (var b in tail.AsSpan(eof + 5))
        {
            if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0))
            {
                throw RefusalException.DataAfterEnd("PDF", "%%EOF");
            }
        }

        try
        {
            file.Position = 0;
            using var document = PdfDocument.Open(new NonClosingStream(file));
            if (document.NumberOfPages < 1)
            {
                throw new RefusalException("The PDF has no pages.");
            }
        }
        catch (RefusalException)
        {
            throw;
        }
        catch (Exception e)
        {
            // PdfPig reports damage and unsupported encryption through several exception types of its own.
            throw new RefusalException($"The PDF could not be read: it is damaged or password-protected ({e.GetType().Name}).");
        }
    }

    private static string PolyglotReason(string format, string other) =>
        $"The {format} file also contains a {other} header near its start: files that are two formats at once are not accepted.";

    private static bool IsMarkdownName(string declaredFileName)
    {
        var extension = Path.GetExtension(declaredFileName.Trim().TrimEnd('.'));
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase);
    }

    private static ContentInspection Accept(AssetKind kind, string mediaType, string extension) =>
        new(true, kind, mediaType, extension, null);
}
