using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Application.Common.Behaviors;

/// <summary>First in the pipeline: logs each message with its duration, and slow ones as warnings.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                LogSlow(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(logger, typeof(TMessage).Name, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Message} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow message {Message}: {ElapsedMs:0.0} ms")]
    private static partial void LogSlow(ILogger logger, string message, double elapsedMs);
}
