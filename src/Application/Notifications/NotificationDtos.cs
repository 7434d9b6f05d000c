namespace BrandAutomator.Application.Notifications;

public sealed record NotificationDto(
    Guid Id, string Kind, string Title, string Body, Guid? ContentItemId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, int Unread, int Page, int PageSize, int Total);
