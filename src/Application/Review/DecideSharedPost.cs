using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Application.Content;
using BrandAutomator.Domain.Accounts;
using BrandAutomator.Domain.Content;
using BrandAutomator.Domain.Review;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Review;

/// <summary>
/// A client approves a shared post or asks for changes (saying what), under the name they typed. The decision is kept
/// for the team and written to the audit log with that name.
/// </summary>
public sealed record DecideSharedPost(string Token, Guid PostId, string ReviewerName, ReviewVerdict? Verdict, string? Comment)
    : ICommand<SharedPostDto>;

public sealed class DecideSharedPostValidator : AbstractValidator<DecideSharedPost>
{
    public DecideSharedPostValidator()
    {
        RuleFor(x => x.ReviewerName).NotEmpty().WithMessage("Type your name, so the team knows who reviewed.")
            .MaximumLength(ReviewDecision.MaxReviewerNameLength);
        RuleFor(x => x.Verdict).NotNull().WithMessage("Approve the post or ask for changes.").IsInEnum();
        RuleFor(x => x.Comment).MaximumLength(ReviewDecision.MaxCommentLength);
        RuleFor(x => x.Comment).NotEmpty().When(x => x.Verdict == ReviewVerdict.ChangesRequested)
            .WithMessage("Say what to change: asking for changes needs a comment.");
    }
}

public sealed class DecideSharedPostHandler(
    ICatalogDb catalog, ITenantContext tenant, ITenantDb db, TenantTime time, IFileStorage storage, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<DecideSharedPost, SharedPostDto>
{
    public async ValueTask<SharedPostDto> Handle(DecideSharedPost command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await SharedReviewReader.OpenAsync(catalog, tenant, command.Token, now, cancellationToken);
        var title = link.Shares(command.PostId)
            ? await db.ContentItems.AsNoTracking().Where(c => c.Id == command.PostId && c.State != ContentState.Cancelled)
                .Select(c => c.Title).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (title is null)
        {
            throw new NotFoundException("Post", command.PostId);
        }

        var decision = ReviewDecision.Record(link.Id, command.PostId, command.ReviewerName, command.Verdict!.Value, command.Comment, now);
        db.ReviewDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);

        var (type, verb) = decision.Verdict == ReviewVerdict.Approved
            ? (AuditEventType.ClientApproved, "approved")
            : (AuditEventType.ClientRequestedChanges, "asked for changes to");
        var comment = decision.Comment is null ? "" : $" Comment: {decision.Comment}";
        await audit.RecordAsync(type, link.TenantId, null,
            $"Reviewer '{decision.ReviewerName}' (name as typed) {verb} '{title}' through review link '{link.Name}'.{comment}", cancellationToken);

        var zone = await time.ZoneAsync(cancellationToken);
        return (await SharedReviewReader.PostsAsync(db, storage, link, [command.PostId], zone, cancellationToken)).Single();
    }
}
