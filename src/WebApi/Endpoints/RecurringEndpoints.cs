using BrandAutomator.Application.Content;
using BrandAutomator.Application.Recurring;
using BrandAutomator.WebApi.Security;
using Mediator;

namespace BrandAutomator.WebApi.Endpoints;

public static class RecurringEndpoints
{
    /// <summary>
    /// A recurring post: <c>start</c> is the first post's wall-clock time in the workspace's time zone
    /// (<c>2027-03-01T09:00</c>); every post of the series keeps that time of day, across daylight-saving changes too.
    /// </summary>
    public sealed record RecurringPostRequest(Guid? CompanyId, string Title, IReadOnlyList<ContentVariantDto> Variants, string Start, RepeatRuleDto Repeat);

    /// <summary>New text from one post of a series on: <c>time</c> (<c>HH:mm</c>) changes the time of day, else it stays.</summary>
    public sealed record ContinueSeriesRequest(string Title, IReadOnlyList<ContentVariantDto> Variants, string? Time);

    public static IEndpointRouteBuilder MapRecurringEndpoints(this IEndpointRouteBuilder app)
    {
        var recurring = app.MapGroup("/api/v1/recurring").WithTags("Recurring posts").RequireAuthorization(Policies.Viewer);

        recurring.MapPost("/", async (RecurringPostRequest body, ISender sender, CancellationToken ct) =>
            {
                var series = await sender.Send(new CreateRecurringPost(body.CompanyId, body.Title ?? "", body.Variants ?? [], body.Start ?? "", body.Repeat), ct);
                return TypedResults.Created($"/api/v1/recurring/{series.Id}", series);
            })
            .RequireAuthorization(Policies.Editor)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("CreateRecurringPost")
            .WithSummary("Create a recurring post: each occurrence of the coming eight weeks becomes a post of its own, scheduled where it can be.");

        recurring.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRecurringSeries(id), ct)))
            .WithName("GetRecurringPost")
            .WithSummary("A recurring post's rule and its occurrences so far, each with its own state and any problem.");

        // The index is read here rather than by a route constraint, so that a wrong one is "not found" after the sign-in check.
        recurring.MapPut("/{id:guid}/from/{index}", async (Guid id, string index, ContinueSeriesRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ContinueRecurringSeries(id,
                    int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : -1,
                    body.Title ?? "", body.Variants ?? [], body.Time), ct)))
            .RequireAuthorization(Policies.Editor)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ContinueRecurringPost")
            .WithSummary("Change this and the following posts of a series: the series ends before this post and a new one continues with the new text.");

        app.MapPost("/api/v1/content/{id:guid}/skip", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SkipOccurrence(id), ct)))
            .WithTags("Recurring posts")
            .RequireAuthorization(Policies.Editor)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("SkipOccurrence")
            .WithSummary("Skip one post of a recurring series: it is cancelled; the others are untouched.");
        return app;
    }
}
