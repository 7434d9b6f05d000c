namespace BrandAutomator.Application.Tenants;

public sealed record MemberDto(Guid UserId, string Email, string FullName, string Role, DateTimeOffset JoinedAt);

public sealed record InvitationDto(Guid Id, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
