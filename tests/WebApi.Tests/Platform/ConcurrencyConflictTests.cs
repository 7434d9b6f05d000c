using System.Text.Json.Nodes;
using BrandAutomator.WebApi.ErrorHandling;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BrandAutomator.WebApi.Tests.Platform;

/// <summary>Two writes of one row at once (bench/soak found them as 500s): the later one is a 409 problem.</summary>
public sealed class ConcurrencyConflictTests
{
    [Fact]
    public async Task A_write_that_lost_a_race_on_the_row_version_is_a_409_problem_not_a_500()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new ProblemDetailsExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemDetailsExceptionHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "PUT";
        context.Request.Path = "/api/v1/content/01a21751-73a9-7842-9a85-cc89ea381e10";
        context.Request.Headers.Accept = "application/problem+json";
        var body = new MemoryStream();
        context.Response.Body = body;

        var handled = await handler.TryHandleAsync(
            context, new DbUpdateConcurrencyException("The database operation was expected to affect 1 row(s), but actually affected 0 row(s)."),
            CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
        var problem = JsonNode.Parse(body.ToArray())!;
        Assert.Equal(409, problem["status"]!.GetValue<int>());
        Assert.Contains("load it again", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
