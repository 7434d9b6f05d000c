using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace BrandAutomator.TestSupport;

/// <summary>The exceptions the API under test did not handle itself, with the request they ended.</summary>
public sealed class ServerExceptions : IExceptionHandler
{
    private readonly ConcurrentQueue<string> _seen = new();

    /// <summary>Each as "METHOD /path: the exception with its stack", in the order they happened.</summary>
    public IReadOnlyCollection<string> All => _seen;

    public override string ToString() => _seen.IsEmpty ? "(no server exception)" : string.Join(Environment.NewLine + Environment.NewLine, _seen);

    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        _seen.Enqueue($"{httpContext.Request.Method} {httpContext.Request.Path}: {exception}");
        return ValueTask.FromResult(false);
    }
}
