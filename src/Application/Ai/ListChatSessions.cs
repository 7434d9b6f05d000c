using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>The caller's chat sessions, most recently active first. Conversations are personal: each member sees their own.</summary>
public sealed record ListChatSessions : IQuery<IReadOnlyList<ChatSessionDto>>;

public sealed class ListChatSessionsHandler(ITenantDb db, ICurrentUser user) : IQueryHandler<ListChatSessions, IReadOnlyList<ChatSessionDto>>
{
    public async ValueTask<IReadOnlyList<ChatSessionDto>> Handle(ListChatSessions query, CancellationToken cancellationToken) =>
        (await db.ChatSessions.AsNoTracking().Where(s => s.CreatedBy == user.UserId)
            .OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).Take(200).ToListAsync(cancellationToken))
        .Select(ChatSessionDto.From).ToList();
}
