using System.Runtime.CompilerServices;
using System.Text;
using BrandAutomator.Application.Common.Errors;
using BrandAutomator.Application.Common.Ports;
using BrandAutomator.Domain.Ai;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BrandAutomator.Application.Ai;

/// <summary>
/// A question to the brand strategist, in a new session or an existing one of the caller's. Everything that can refuse
/// it (unknown session or company, quota) is checked before the answer starts streaming, so that a refusal is a plain
/// problem response; the answer then streams as events and is saved with its citations when it ends.
/// </summary>
public sealed record AskStrategist(Guid? SessionId, Guid? CompanyId, string Message) : ICommand<StrategistReply>;

public sealed class AskStrategistValidator : AbstractValidator<AskStrategist>
{
    public AskStrategistValidator() => RuleFor(x => x.Message).NotEmpty().MaximumLength(ChatMessage.MaxQuestionLength);
}

public sealed class AskStrategistHandler(
    ITenantDb db, ICurrentUser user, IBrandStrategist strategist, IAiProvider provider, GroundingRetriever retriever, AiQuota quota,
    Analytics.PostResults results, TimeProvider clock) : ICommandHandler<AskStrategist, StrategistReply>
{
    // Enough of the conversation to follow it, little enough to leave the prompt to the passages.
    private const int HistoryTurns = 10;

    public async ValueTask<StrategistReply> Handle(AskStrategist command, CancellationToken cancellationToken)
    {
        ChatSession? session = null;
        if (command.SessionId is { } sessionId)
        {
            session = await db.ChatSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.CreatedBy == user.UserId, cancellationToken)
                ?? throw new NotFoundException("Chat session", sessionId);
            if (command.CompanyId is { } asked && asked != session.CompanyId)
            {
                throw InputValidationException.For("companyId", "The session is about another company; start a new session for this one.");
            }
        }

        var companyId = session?.CompanyId ?? command.CompanyId;
        BrandProfile? profile = null;
        if (companyId is { } id)
        {
            var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
                ?? throw new NotFoundException("Company", id);
            profile = BrandProfile.From(company);
        }

        var month = await quota.ReserveAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var history = session is null
            ? []
            : (await db.ChatMessages.AsNoTracking()
                .Where(m => m.SessionId == session.Id && m.State == ChatMessageState.Complete)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(HistoryTurns)
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new ChatTurn(m.Author, m.Content)).ToList();

        session ??= db.ChatSessions.Add(ChatSession.Start(companyId, command.Message, user.UserId, now)).Entity;
        var question = ChatMessage.Question(session.Id, command.Message, now);
        db.ChatMessages.Add(question);
        session.Touch(now);
        await db.SaveChangesAsync(cancellationToken);

        var passages = await retriever.FindAnswersAsync(command.Message, companyId, GroundingRetriever.DefaultPassages, cancellationToken);
        // A question about the workspace's own results also gets them, computed from the stored metrics, as one more passage.
        var measured = await results.ForQuestionAsync(command.Message, companyId, passages.Count + 1, cancellationToken);
        if (measured?.Passage is { } facts)
        {
            passages = [.. passages, facts];
        }

        var ask = new StrategistQuestion(profile, passages, history, question.Content, measured?.NoResults);
        return new StrategistReply(session.Id, StreamAsync(session, question, ask, month, cancellationToken));
    }

    private async IAsyncEnumerable<ChatStreamEvent> StreamAsync(
        ChatSession session, ChatMessage question, StrategistQuestion ask, string month, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var info = provider.Info;
        yield return new ChatStreamEvent(ChatStreamEvent.Session,
            new ChatSessionEvent(session.Id, session.Title, question.Id, info.Provider, info.Model, info.IsOffline, info.Note));

        var answer = new StringBuilder();
        var usage = AiTokenUsage.None;
        var cited = new List<ChatCitation>();
        ExternalServiceException? failure = null;
        ChatMessage? saved = null;
        try
        {
            await using (var chunks = strategist.AnswerAsync(ask, cancellationToken).GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    StrategistChunk chunk;
                    try
                    {
                        if (!await chunks.MoveNextAsync())
                        {
                            break;
                        }

                        chunk = chunks.Current;
                    }
                    catch (ExternalServiceException ex)
                    {
                        failure = ex;
                        break;
                    }

                    if (chunk.Usage is { } reported)
                    {
                        usage = usage.Plus(reported);
                    }

                    if (string.IsNullOrEmpty(chunk.Text))
                    {
                        continue;
                    }

                    answer.Append(chunk.Text);
                    yield return new ChatStreamEvent(ChatStreamEvent.Delta, new ChatDeltaEvent(chunk.Text));
                    // A marker may arrive split over two chunks, so the whole answer so far is scanned each time.
                    foreach (var number in CitationMarkers.In(answer.ToString(), ask.Passages.Count).Distinct())
                    {
                        if (cited.All(c => c.Marker != number))
                        {
                            var passage = ask.Passages[number - 1];
                            var citation = passage.Cite(GroundingRetriever.Snippet(passage.Text, ask.Question));
                            cited.Add(citation);
                            yield return new ChatStreamEvent(ChatStreamEvent.Citation, citation);
                        }
                    }
                }
            }

            saved = await SaveAsync(failure is null ? ChatMessageState.Complete : ChatMessageState.Failed);
            yield return failure is null
                ? new ChatStreamEvent(ChatStreamEvent.Done, new ChatDoneEvent(saved.Id, new ChatUsageDto(usage.InputTokens, usage.OutputTokens),
                    info.Provider, info.Model, info.IsOffline, cited.Count))
                : new ChatStreamEvent(ChatStreamEvent.Error, new ChatErrorEvent(failure.Message, saved.Id));
        }
        finally
        {
            // The client left mid-answer (its connection closed under a write, or the request was aborted): what was
            // said so far stays in the session, marked interrupted.
            if (saved is null)
            {
                await SaveAsync(ChatMessageState.Interrupted);
            }
        }

        async Task<ChatMessage> SaveAsync(ChatMessageState state)
        {
            if (state == ChatMessageState.Failed && answer.Length == 0)
            {
                // Nothing was served: the request is given back.
                await quota.ReleaseAsync(month);
            }
            else
            {
                await quota.RecordTokensAsync(month, usage);
            }

            var message = ChatMessage.Answer(session.Id, answer.ToString(), cited, state, info.Provider, info.Model,
                usage.InputTokens, usage.OutputTokens, clock.GetUtcNow());
            db.ChatMessages.Add(message);
            session.Touch(message.CreatedAt);
            await db.SaveChangesAsync(CancellationToken.None);
            return message;
        }
    }
}
