using BrandAutomator.Application.Ai;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

public sealed record ProfileKitImageDto(string Label, int Width, int Height, Uri Url);

public sealed record ProfileKitTextDto(string Key, string Label, string Text, int MaxLength, int Length, bool Shortened);

/// <summary>A profile kit as the SPA shows it: images as signed links, texts with their counts, and the steps left.</summary>
public sealed record SocialProfileKitDto(
    Guid Id, Guid CompanyId, SocialPlatform Platform, string PlatformName, string DisplayName, int MaxDisplayNameLength,
    IReadOnlyList<string> Handles, string? HandleRule, string? HandleUrlPrefix, IReadOnlyList<ProfileKitTextDto> Texts, ProfileKitImageDto Avatar,
    ProfileKitImageDto? Banner, string? Link, AiSourceDto Source, int Version, bool CanPush, DateTimeOffset? PushedAt, string? PushResult,
    Guid? TaskId, IReadOnlyList<string> RemainingSteps, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
