using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

public sealed record RenameChatSession(Guid SessionId, string Title) : ICommand<ChatSessionDto>;

public sealed class RenameChatSessionValidator : AbstractValidator<RenameChatSession>
{
    public RenameChatSessionValidator() => RuleFor(x => x.Title).NotEmpty().MaximumLength(ChatSession.MaxTitleLength);
}

public sealed class RenameChatSessionHandler(ITenantDb db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RenameChatSession, ChatSessionDto>
{
    public async ValueTask<ChatSessionDto> Handle(RenameChatSession command, CancellationToken cancellationToken)
    {
        var session = await db.ChatSessions.SingleOrDefaultAsync(s => s.Id == command.SessionId && s.CreatedBy == user.UserId, cancellationToken)
            ?? throw new NotFoundException("Chat session", command.SessionId);
        session.Rename(command.Title, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ChatSessionDto.From(session);
    }
}
