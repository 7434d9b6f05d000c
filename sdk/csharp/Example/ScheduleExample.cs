using System.Text.Json;
using BrandAutomator.Sdk.Client.Models;
using Problem = BrandAutomator.Sdk.Client.Models.ProblemDetails;
using ValidationProblem = BrandAutomator.Sdk.Client.Models.HttpValidationProblemDetails;

namespace BrandAutomator.Sdk.Example;

/// <summary>A post as the example reports it.</summary>
public sealed record ScheduledPost(Guid Id, string State, DateTimeOffset? ScheduledAt);

/// <summary>The SDK's example: sign in with an API key, create a post, schedule it.</summary>
public static class ScheduleExample
{
    public const string Title = "Made with the C# SDK";

    /// <summary>
    /// Creates a post for <paramref name="network"/> (e.g. linkedIn) with the key, then schedules it at <paramref name="at"/>.
    /// <paramref name="httpClient"/> is optional: pass one to control its lifetime or handlers.
    /// </summary>
    public static async Task<ScheduledPost> RunAsync(
        Uri baseUrl, string apiKey, string network, DateTimeOffset at, TextWriter output, HttpClient? httpClient = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var client = BrandAutomatorClients.Create(baseUrl, apiKey, httpClient);
        try
        {
            // The same Idempotency-Key on a retry (after a timeout, say) answers the first post instead of making a second.
            var created = await client.Api.V1.Content.PostAsync(
                new ContentRequest
                {
                    Title = Title,
                    Variants =
                    [
                        new ContentVariantDto
                        {
                            Platform = Enum.Parse<SocialPlatform>(network, ignoreCase: true),
                            Text = "Our new collection is out today. Come and see it in store.",
                            MediaAssetIds = [],
                        },
                    ],
                },
                config => config.Headers.Add("Idempotency-Key", BrandAutomatorClients.NewIdempotencyKey()),
                cancellationToken) ?? throw new InvalidOperationException("The API answered no post.");
            await output.WriteLineAsync($"Created post {created.Id} ({Words(created.State)}).");

            var scheduled = await client.Api.V1.Automation.ScheduleContent.PostAsync(
                new ScheduleContentRequest { Items = [new ScheduleItem { Id = created.Id, At = at.ToString("O") }] },
                config => config.Headers.Add("Idempotency-Key", BrandAutomatorClients.NewIdempotencyKey()),
                cancellationToken) ?? throw new InvalidOperationException("The API answered no post.");
            var post = scheduled.Single();
            var result = new ScheduledPost(post.Id!.Value, Words(post.State), post.ScheduledAt);
            await output.WriteLineAsync($"Post {result.Id} is {result.State} for {result.ScheduledAt:u}.");
            return result;
        }
        catch (ValidationProblem problem)
        {
            var fields = string.Join(", ", problem.Errors?.AdditionalData.Keys ?? []);
            throw new InvalidOperationException($"The API refused the request ({fields}): {problem.Detail ?? problem.Title}", problem);
        }
        catch (Problem problem)
        {
            throw new InvalidOperationException($"The API refused the request ({problem.Status}): {problem.Detail ?? problem.Title}", problem);
        }
    }

    private static string Words<T>(T? state)
        where T : struct, Enum => state is { } value ? JsonNamingPolicy.CamelCase.ConvertName(value.ToString()) : "unknown";
}
