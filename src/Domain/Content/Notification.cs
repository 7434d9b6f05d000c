namespace BrandAutomator.Domain.Content;

/// <summary>An in-app message to the tenant's members, such as a post that could not be published.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public Guid? ContentItemId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public Guid? ReadBy { get; private set; }

    public static Notification Create(string kind, string title, string body, Guid? contentItemId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Title = title.Length > 200 ? title[..200] : title,
        Body = body.Length > 2000 ? body[..2000] : body,
        ContentItemId = contentItemId,
        CreatedAt = now,
    };

    public void MarkRead(Guid userId, DateTimeOffset now)
    {
        if (ReadAt is null)
        {
            ReadAt = now;
            ReadBy = userId;
        }
    }
}
