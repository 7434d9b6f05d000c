using System.Threading.Channels;
using BrandAutomator.Application.Common.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrandAutomator.Infrastructure.Email;

/// <summary>
/// Sends queued messages one by one in the background, a few tries each. Account e-mails (reset and confirmation
/// links) go this way so that the answer to "forgot password" takes as long for an unknown address as for a known
/// one. A message lost to a crash is asked for again by the user; nothing else depends on it.
/// </summary>
public sealed partial class BackgroundEmailQueue(IEmailSender sender, TimeProvider clock, ILogger<BackgroundEmailQueue> logger)
    : BackgroundService, IEmailQueue
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly Channel<EmailMessage> _messages = Channel.CreateUnbounded<EmailMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(EmailMessage message) => _messages.Writer.TryWrite(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in _messages.Reader.ReadAllAsync(stoppingToken))
            {
                await SendWithRetriesAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is left is logged, so an operator can see what was not sent.
            while (_messages.Reader.TryRead(out var left))
            {
                LogDropped(logger, left.To, left.Subject);
            }
        }
    }

    private async Task SendWithRetriesAsync(EmailMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await sender.SendAsync(message, stoppingToken);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException && attempt < Backoff.Length)
            {
                LogRetry(logger, error, message.To, message.Subject, attempt + 1);
                await Task.Delay(Backoff[attempt], clock, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error, message.To, message.Subject);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail to {To} ({Subject}) failed on try {Attempt}; trying again")]
    private static partial void LogRetry(ILogger logger, Exception error, string to, string subject, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail to {To} ({Subject}) could not be sent")]
    private static partial void LogFailed(ILogger logger, Exception error, string to, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail to {To} ({Subject}) not sent: the service stopped first")]
    private static partial void LogDropped(ILogger logger, string to, string subject);
}
