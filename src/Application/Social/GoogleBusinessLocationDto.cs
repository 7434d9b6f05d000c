using System.Text.RegularExpressions;
using BrandAutomator.Domain.Social;

namespace BrandAutomator.Application.Social;

public sealed record GoogleBusinessLocationDto(
    Guid Id, Guid CompanyId, Guid ConnectionId, string Account, string RequestId, string Title, LocationCreationState State, string? LocationName,
    LocationVerificationState Verification, DateTimeOffset? VerificationCheckedAt, string? LastError, int Attempts, DateTimeOffset? ValidatedAt,
    DateTimeOffset? LocationCreatedAt, LocationDraft Location, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static GoogleBusinessLocationDto From(GoogleBusinessLocation l) => new(
        l.Id, l.CompanyId, l.ConnectionId, l.Account, l.RequestId, l.Title, l.State, l.LocationName, l.Verification, l.VerificationCheckedAt,
        l.LastError, l.Attempts, l.ValidatedAt, l.LocationCreatedAt, GoogleBusinessLocationWork.Draft(l), l.CreatedAt, l.UpdatedAt);
}
