using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Escalation;

/// <summary>Runs <see cref="DeadlineSweep"/> every poll interval; the database, not this process, remembers what is due.</summary>
internal sealed class DeadlineWatch(DeadlineSweep sweep, IOptions<EscalationOptions> options, TimeProvider clock, ILogger<DeadlineWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var moved = await sweep.RunAsync(stoppingToken);
                if (moved > 0)
                    logger.LogInformation("Escalated or expired {Count} orders past their deadline", moved);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup (or migrations not yet applied) must not stop the watch; the next poll retries.
                logger.LogWarning(e, "Deadline sweep failed; retrying at the next poll");
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }
}
