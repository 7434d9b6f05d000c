using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>The messages of one of the caller's sessions, oldest first, answers with their citations.</summary>
public sealed record GetChatMessages(Guid SessionId) : IQuery<IReadOnlyList<ChatMessageDto>>;

public sealed class GetChatMessagesHandler(ITenantDb db, ICurrentUser user) : IQueryHandler<GetChatMessages, IReadOnlyList<ChatMessageDto>>
{
    public async ValueTask<IReadOnlyList<ChatMessageDto>> Handle(GetChatMessages query, CancellationToken cancellationToken)
    {
        if (!await db.ChatSessions.AnyAsync(s => s.Id == query.SessionId && s.CreatedBy == user.UserId, cancellationToken))
        {
            throw new NotFoundException("Chat session", query.SessionId);
        }

        return (await db.ChatMessages.AsNoTracking().Where(m => m.SessionId == query.SessionId)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken))
            .Select(ChatMessageDto.From).ToList();
    }
}
