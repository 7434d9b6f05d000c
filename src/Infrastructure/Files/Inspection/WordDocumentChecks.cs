using System.IO.Compression;

namespace BrandAutomator.Infrastructure.Files.Inspection;

/// <summary>
/// A DOCX is a ZIP. The central directory is checked first (entries, parts, macros, declared sizes), then every entry
/// is decompressed under a hard cap, because the declared sizes are written by whoever made the file.
/// </summary>
internal static class WordDocumentChecks
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Check(Stream file, CancellationToken cancellationToken)
    {
        file.Position = 0;
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        var entries = zip.Entries;
        if (entries.Count > InspectionLimits.MaxZipEntries)
        {
            throw new RefusalException(
                $"The document holds {entries.Count:N0} files; a Word document never needs more than {InspectionLimits.MaxZipEntries:N0}.");
        }

        var names = new HashSet<string>(entries.Select(e => e.FullName), StringComparer.OrdinalIgnoreCase);
        if (!names.Contains("[Content_Types].xml") || !names.Contains("word/document.xml"))
        {
            throw new RefusalException(OtherArchiveReason(names));
        }

        if (entries.Any(e => e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
                || e.Name.Equals("vbaData.xml", StringComparison.OrdinalIgnoreCase)))
        {
            throw MacrosRefused();
        }

        CheckDeclaredSizes(entries);
        DecompressUnderCap(entries, cancellationToken);
        if (DeclaresMacros(zip.GetEntry("[Content_Types].xml")!))
        {
            throw MacrosRefused();
        }
    }

    private static void CheckDeclaredSizes(IReadOnlyCollection<ZipArchiveEntry> entries)
    {
        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (total > InspectionLimits.MaxZipUncompressedBytes)
            {
                throw BombRefused($"it would unpack to more than {InspectionLimits.MaxZipUncompressedBytes / (1024 * 1024)} MB");
            }

            if (entry.Length > InspectionLimits.CompressionRatioFloorBytes
                && entry.Length > Math.Max(entry.CompressedLength, 1) * InspectionLimits.MaxCompressionRatio)
            {
                throw BombRefused($"'{entry.FullName}' is compressed more than {InspectionLimits.MaxCompressionRatio}:1");
            }
        }
    }

    // .NET's entry stream stops at the size the directory declares, so a directory that understates a bomb cannot
    // make it inflate further; but the truncated output then no longer matches the stored CRC-32, which is checked
    // here, so such a file is refused rather than silently accepted with cut parts.
    private static void DecompressUnderCap(IReadOnlyCollection<ZipArchiveEntry> entries, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long unpacked = 0;
            var crc = Crc32.Initial;
            using var content = entry.Open();
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                crc = Crc32.Append(crc, buffer.AsSpan(0, read));
                unpacked += read;
                total += read;
                if (unpacked > entry.Length)
                {
                    throw BombRefused($"'{entry.FullName}' unpacks to more than its directory says");
                }

                if (total > InspectionLimits.MaxZipUncompressedBytes)
                {
                    throw BombRefused($"it unpacks to more than {InspectionLimits.MaxZipUncompressedBytes / (1024 * 1024)} MB");
                }

                if (unpacked > InspectionLimits.CompressionRatioFloorBytes
                    && unpacked > Math.Max(entry.CompressedLength, 1) * InspectionLimits.MaxCompressionRatio)
                {
                    throw BombRefused($"'{entry.FullName}' is compressed more than {InspectionLimits.MaxCompressionRatio}:1");
                }
            }

            if (unpacked != entry.Length)
            {
                throw RefusalException.Damaged("Word", $"'{entry.FullName}' is shorter than its directory says");
            }

            if (Crc32.Complete(crc) != entry.Crc32)
            {
                throw RefusalException.Damaged("Word", $"'{entry.FullName}' does not match its checksum, so its declared size cannot be trusted");
            }
        }
    }

    // A .docm renamed .docx keeps its macro-enabled content type even when the macro part is stored under another name.
    private static bool DeclaresMacros(ZipArchiveEntry contentTypes)
    {
        using var reader = new StreamReader(contentTypes.Open());
        var text = reader.ReadToEnd();
        return text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
            || text.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);
    }

    private static string OtherArchiveReason(HashSet<string> names)
    {
        if (names.Contains("xl/workbook.xml"))
        {
            return "Excel workbooks are not on the allow-list; only Word documents (.docx) are accepted among Office files.";
        }

        if (names.Contains("ppt/presentation.xml"))
        {
            return "PowerPoint presentations are not on the allow-list; export the slides as PDF.";
        }

        if (names.Contains("mimetype"))
        {
            return "OpenDocument and EPUB files are not on the allow-list; save the document as .docx or PDF.";
        }

        return "ZIP archives are not accepted; only Word documents (.docx), which are ZIP-based, are.";
    }

    private static RefusalException MacrosRefused() =>
        new("Word documents with macros (VBA) are not accepted; save the document as a plain .docx without macros.");

    private static RefusalException BombRefused(string detail) =>
        new($"The document is refused as a possible zip bomb: {detail}.");
}
