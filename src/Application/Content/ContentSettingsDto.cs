namespace BrandAutomator.Application.Content;

/// <summary>The workspace's publishing settings, with the time zone that times are entered and shown in.</summary>
public sealed record ContentSettingsDto(bool ApprovalRequired, bool AdminsMayApproveOwnPosts, string TimeZone);
