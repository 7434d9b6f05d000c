using BrandAutomator.Application.Webhooks;
using Mediator;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BrandAutomator.Infrastructure.Scheduling;

/// <summary>
/// Every few seconds on one node of the cluster (its trigger fires once for the cluster and never overlaps itself): one
/// round of <see cref="DeliverWebhooks"/> for every tenant. The rows it claims are locked and leased, so even two rounds
/// at once (a node's clock far off) would not send one delivery twice in the same moment.
/// </summary>
public sealed partial class WebhookDeliveryJob(ISender sender, ILogger<WebhookDeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("webhook-delivery", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await sender.Send(new DeliverWebhooks(), cancellationToken);
            if (result.Delivered + result.Failed + result.Disabled > 0)
            {
                LogRound(logger, result.Dispatched, result.Delivered, result.Failed, result.Disabled);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRoundFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Dispatched} events dispatched, {Delivered} delivered, {Failed} failed, {Disabled} endpoints turned off")]
    private static partial void LogRound(ILogger logger, int dispatched, int delivered, int failed, int disabled);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of webhook delivery failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
