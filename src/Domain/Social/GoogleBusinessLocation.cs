using BrandAutomator.Domain.Common;

namespace BrandAutomator.Domain.Social;

public enum LocationCreationState
{
    /// <summary>Recorded, with its requestId, before anything was sent.</summary>
    Pending,

    /// <summary>Google accepted the body with <c>validateOnly=true</c>.</summary>
    Validated,

    /// <summary>The real create went out and its answer was lost: retrying re-sends the same requestId.</summary>
    Unconfirmed,

    Created,

    /// <summary>Google refused the body; a new attempt starts over.</summary>
    Rejected,
}

/// <summary>What Google says the owner must do to control the listing (Verifications API VoiceOfMerchantState).</summary>
public enum LocationVerificationState
{
    Unknown,

    /// <summary><c>hasVoiceOfMerchant</c>: verified and in good standing.</summary>
    Verified,

    /// <summary><c>verify</c> with <c>hasPendingVerification</c>: a verification was started and waits for its code or review.</summary>
    PendingVerification,

    /// <summary><c>verify</c>: the location must be verified.</summary>
    VerificationRequired,

    /// <summary><c>waitForVoiceOfMerchant</c>: under review.</summary>
    UnderReview,

    /// <summary><c>resolveOwnershipConflict</c>: duplicates another location in good standing.</summary>
    OwnershipConflict,

    /// <summary><c>complyWithGuidelines</c>: suspended or disabled for the guidelines.</summary>
    GuidelinesIssue,
}

/// <summary>
/// A Google Business Profile location being created through the Business Information API. The <see cref="RequestId"/>
/// is made once and stored before the first real create, so that every retry of the same creation sends the same id
/// and Google returns the location it already made instead of a second one.
/// </summary>
public sealed class GoogleBusinessLocation : Entity<Guid>
{
    /// <summary>Google's limit on <c>requestId</c>.</summary>
    public const int MaxRequestIdLength = 50;

    private GoogleBusinessLocation()
    {
    }

    public Guid CompanyId { get; private set; }

    public Guid ConnectionId { get; private set; }

    /// <summary>The parent account, <c>accounts/{id}</c>.</summary>
    public string Account { get; private set; } = "";

    public string RequestId { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>The Location body sent, as JSON, so a retry sends exactly the same thing.</summary>
    public string LocationJson { get; private set; } = "";

    public LocationCreationState State { get; private set; }

    /// <summary>The new location's resource name, <c>locations/{id}</c>.</summary>
    public string? LocationName { get; private set; }

    public LocationVerificationState Verification { get; private set; }

    public DateTimeOffset? VerificationCheckedAt { get; private set; }

    public string? LastError { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ValidatedAt { get; private set; }

    public DateTimeOffset? LocationCreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOpen => State is LocationCreationState.Pending or LocationCreationState.Validated or LocationCreationState.Unconfirmed;

    public static GoogleBusinessLocation Plan(
        Guid companyId, Guid connectionId, string account, string title, string locationJson, Guid createdBy, DateTimeOffset now)
    {
        if (!IsAccountName(account))
        {
            throw new DomainRuleException("The account is written accounts/{id}.", "account");
        }

        return new GoogleBusinessLocation
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = companyId,
            ConnectionId = connectionId,
            Account = account,
            // A UUID, as Google recommends: 36 characters, within its 50.
            RequestId = Guid.NewGuid().ToString(),
            Title = title,
            LocationJson = locationJson,
            State = LocationCreationState.Pending,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static bool IsAccountName(string account) =>
        account.StartsWith("accounts/", StringComparison.Ordinal) && account.Length is > 9 and <= 200 &&
        account[9..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A new body for an attempt that has not reached Google's create yet; once a create may have gone out, the body is fixed.</summary>
    public void Revise(string title, string locationJson, DateTimeOffset now)
    {
        if (State == LocationCreationState.Unconfirmed)
        {
            return;
        }

        Title = title;
        LocationJson = locationJson;
        UpdatedAt = now;
    }

    public void MarkValidated(DateTimeOffset now)
    {
        if (State != LocationCreationState.Unconfirmed)
        {
            State = LocationCreationState.Validated;
        }

        ValidatedAt = now;
        LastError = null;
        UpdatedAt = now;
    }

    /// <summary>Recorded before the real create is sent: from here a lost answer leaves the location unconfirmed.</summary>
    public void StartCreate(DateTimeOffset now)
    {
        Attempts++;
        State = LocationCreationState.Unconfirmed;
        UpdatedAt = now;
    }

    public void MarkCreated(string locationName, DateTimeOffset now)
    {
        State = LocationCreationState.Created;
        LocationName = locationName;
        LocationCreatedAt = now;
        LastError = null;
        UpdatedAt = now;
    }

    /// <summary>The answer was lost or Google was unavailable: the same requestId goes out on the next attempt.</summary>
    public void MarkUnanswered(string error, DateTimeOffset now)
    {
        LastError = Clip(error);
        UpdatedAt = now;
    }

    public void MarkRejected(string error, DateTimeOffset now)
    {
        State = LocationCreationState.Rejected;
        LastError = Clip(error);
        UpdatedAt = now;
    }

    public void RecordVerification(LocationVerificationState state, DateTimeOffset now)
    {
        Verification = state;
        VerificationCheckedAt = now;
        UpdatedAt = now;
    }

    private static string Clip(string text) => text.Length > 1000 ? text[..1000] : text;
}
