using BrandAutomator.Application.Ai;
using BrandAutomator.Application.Onboarding;
using BrandAutomator.Domain.Ai;
using BrandAutomator.Domain.Social;
using BrandAutomator.WebApi.Security;
using BrandAutomator.Domain.ApiKeys;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class AiEndpoints
{
    public sealed record ChatRequest(Guid? SessionId, Guid? CompanyId, string Message);

    public sealed record RenameSessionRequest(string Title);

    public sealed record StrategyRequest(Guid CompanyId);

    public sealed record MarketRequest(Guid CompanyId, string? Focus);

    /// <summary><c>signatureId</c> and <c>hashtagGroupIds</c>: the brand's snippets that close every draft.</summary>
    public sealed record PostsRequest(
        Guid CompanyId, IReadOnlyList<SocialPlatform> Platforms, string Topic, int? Count, Guid? SignatureId, IReadOnlyList<Guid>? HashtagGroupIds);

    public static IEndpointRouteBuilder MapAiEndpoints(this IEndpointRouteBuilder app)
    {
        // Viewers may ask the strategist and keep their conversations; editors generate and accept what changes the brand.
        var ai = app.MapGroup("/api/v1/ai").WithTags("AI").RequireAuthorization(Policies.Viewer).AllowApiKeys(ApiScope.Ai);

        ai.MapPost("/chat", async (ChatRequest body, ISender sender, CancellationToken ct) =>
                new ServerSentEventStream((await sender.Send(new AskStrategist(body.SessionId, body.CompanyId, body.Message ?? ""), ct)).Events))
            .Produces(StatusCodes.Status200OK, contentType: ServerSentEventStream.ContentType)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("AskStrategist")
            .WithSummary("Ask the brand strategist. Streams server-sent events: session, delta {text}, citation {marker, assetId, assetName, chunkId, page, snippet}, done {messageId, usage} or error {message}.");

        ai.MapGet("/sessions", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListChatSessions(), ct)))
            .WithName("ListChatSessions")
            .WithSummary("The caller's chat sessions, most recent first.");

        ai.MapGet("/sessions/{id:guid}/messages", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetChatMessages(id), ct)))
            .WithName("ListChatMessages")
            .WithSummary("A session's messages, answers with their citations.");

        ai.MapPatch("/sessions/{id:guid}", async (Guid id, RenameSessionRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RenameChatSession(id, body.Title ?? ""), ct)))
            .WithName("RenameChatSession")
            .WithSummary("Rename a chat session.");

        ai.MapDelete("/sessions/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DeleteChatSession(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteChatSession")
            .WithSummary("Delete a chat session and its messages.");

        ai.MapPost("/generate-brand-strategy", async (StrategyRequest body, ISender sender, CancellationToken ct) =>
            {
                var version = await sender.Send(new GenerateBrandStrategy(body.CompanyId), ct);
                return TypedResults.Created($"/api/v1/ai/brand-strategies/{version.Id}", version);
            })
            .RequireAuthorization(Policies.Editor)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithName("GenerateBrandStrategy")
            .WithSummary("Draft a brand strategy (vision, mission, values, positioning, voice, taglines, and what the brand's post results show), kept as a new version.");

        ai.MapGet("/brand-strategies", async (Guid companyId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListBrandStrategyVersions(companyId), ct)))
            .WithName("ListBrandStrategyVersions")
            .WithSummary("A company's strategy versions, newest first.");

        ai.MapPut("/brand-strategies/{id:guid}", async (Guid id, BrandStrategy body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditBrandStrategyVersion(id, body), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("EditBrandStrategyVersion")
            .WithSummary("Edit a strategy version.");

        ai.MapPost("/brand-strategies/{id:guid}/accept", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok<CompanyProfileDto>(await sender.Send(new AcceptBrandStrategyVersion(id), ct)))
            .RequireAuthorization(Policies.Editor)
            .WithName("AcceptBrandStrategyVersion")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Accept a strategy version into the company profile.");

        ai.MapPost("/analyze-market", async (MarketRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AnalyzeMarket(body.CompanyId, body.Focus), ct)))
            .RequireAuthorization(Policies.Editor)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithName("AnalyzeMarket")
            .WithSummary("Competitors, positioning opportunities, audience insights and risks, each with its basis and whether it is an inference.");

        ai.MapGet("/market-analyses", async (Guid companyId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMarketAnalyses(companyId), ct)))
            .WithName("ListMarketAnalyses")
            .WithSummary("A company's earlier market analyses, newest first (up to 50).");

        ai.MapPost("/generate-posts", async (PostsRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GeneratePosts(
                    body.CompanyId, body.Platforms ?? [], body.Topic ?? "", body.Count ?? 3, body.SignatureId, body.HashtagGroupIds), ct)))
            .RequireAuthorization(Policies.Editor)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithName("GeneratePosts")
            .WithSummary("Post drafts per platform within each platform's limit, in the brand's voice.");

        ai.MapGet("/usage", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetAiUsage(), ct)))
            .WithName("GetAiUsage")
            .WithSummary("This month's AI requests and tokens against the plan's quota.");
        return app;
    }
}
