using System.ComponentModel.DataAnnotations;
using BrandAutomator.Application.Common.Ports;

namespace BrandAutomator.Application.Assets;

/// <summary>Section <c>Assets</c>: what one upload may carry.</summary>
public sealed class AssetLimitOptions
{
    public const string Section = "Assets";

    [Range(1, 200)]
    public int MaxFilesPerRequest { get; set; } = 20;

    [Range(1, long.MaxValue)]
    public long MaxImageBytes { get; set; } = 25L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxVideoBytes { get; set; } = 1024L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxTextBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>No single file may exceed the largest per-type limit; the upload stops reading there.</summary>
    public long MaxAnyFileBytes => new[] { MaxImageBytes, MaxVideoBytes, MaxDocumentBytes, MaxTextBytes }.Max();

    public long MaxBytesFor(AssetKind kind) => kind switch
    {
        AssetKind.Image => MaxImageBytes,
        AssetKind.Video => MaxVideoBytes,
        AssetKind.Text => MaxTextBytes,
        _ => MaxDocumentBytes,
    };
}
