using Microsoft.Extensions.Options;

namespace Dispatch.Gateway.Audit;

/// <summary>Once an hour (and at start), removes the audit entries older than <see cref="AuditOptions.RetentionDays"/>.</summary>
internal sealed class AuditRetention(AuditStore store, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetention> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = TimeSpan.FromDays(options.Value.RetentionDays);
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                if (await store.PurgeAsync(retention, stoppingToken) is > 0 and var removed)
                    logger.LogInformation("Removed {Count} audit entries older than {Days} days", removed, options.Value.RetentionDays);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a while; the next hour tries again.
                logger.LogWarning(exception, "Could not remove old audit entries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
