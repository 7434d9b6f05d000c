using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>Deletes one of the caller's sessions with all its messages.</summary>
public sealed record DeleteChatSession(Guid SessionId) : ICommand;

public sealed class DeleteChatSessionHandler(ITenantDb db, ICurrentUser user) : ICommandHandler<DeleteChatSession>
{
    public async ValueTask<Unit> Handle(DeleteChatSession command, CancellationToken cancellationToken)
    {
        var session = await db.ChatSessions.SingleOrDefaultAsync(s => s.Id == command.SessionId && s.CreatedBy == user.UserId, cancellationToken)
            ?? throw new NotFoundException("Chat session", command.SessionId);
        db.ChatSessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
