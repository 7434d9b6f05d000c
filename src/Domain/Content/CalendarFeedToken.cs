namespace BrandAutomator.Domain.Content;

/// <summary>A member's secret for the calendar feed; only its SHA-256 is kept, and rotating it replaces it.</summary>
public sealed class CalendarFeedToken
{
    private CalendarFeedToken()
    {
    }

    public Guid UserId { get; private set; }

    public string SecretHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static CalendarFeedToken Issue(Guid userId, string secretHash, DateTimeOffset now) =>
        new() { UserId = userId, SecretHash = secretHash, CreatedAt = now };

    public void Rotate(string secretHash, DateTimeOffset now)
    {
        SecretHash = secretHash;
        CreatedAt = now;
    }
}
