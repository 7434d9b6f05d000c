using System.ClientModel;
using System.Runtime.CompilerServices;
using BrandAutomator.Application.Common.Errors;
using Microsoft.Extensions.AI;

namespace BrandAutomator.Infrastructure.Ai.Model;

/// <summary>
/// Turns an OpenAI-compatible API's failures into <see cref="ExternalServiceException"/> with a message the user can act
/// on. The OpenAI client has already retried 429 and 5xx answers by then (with its own backoff, honouring Retry-After).
/// </summary>
public sealed class ProviderFailures(IChatClient inner, string service, string model) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }

                update = updates.Current;
            }
            catch (Exception ex) when (Translate(ex, cancellationToken) is { } failure)
            {
                throw failure;
            }

            yield return update;
        }
    }

    private ExternalServiceException? Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ClientResultException { Status: 400 } e => new(service, $"The {service} refused the request as invalid (400): {Short(e.Message)}", e),
        ClientResultException { Status: 401 or 403 } e => new(service, $"The {service} refused access ({e.Status}); an administrator needs to check the AI key.", e),
        ClientResultException { Status: 404 } e => new(service, $"The {service} does not know the model '{model}' (404); an administrator needs to check the model name and address.", e),
        ClientResultException { Status: 429 } e => new(service, $"The {service} is rate limiting this server (429) and retries did not help; try again later.", e),
        ClientResultException { Status: 0 } e => new(service, $"The {service} could not be reached; try again in a moment.", e),
        ClientResultException e => new(service, $"The {service} failed ({e.Status}); try again in a moment.", e),
        HttpRequestException e => new(service, $"The {service} could not be reached; try again in a moment.", e),
        OperationCanceledException e when !cancellationToken.IsCancellationRequested => new(service, $"The {service} did not answer in time.", e),
        _ => null,
    };

    private static string Short(string message) => message.Length > 300 ? message[..300] + "…" : message;
}
