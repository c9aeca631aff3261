using Dispatch.Needs.Domain;
using Microsoft.Extensions.Options;

namespace Dispatch.Needs.Retention;

/// <summary>Runs <see cref="RetentionSweep"/> every <see cref="PrivacyOptions.RetentionSweepInterval"/>; the database says what is due.</summary>
internal sealed class RetentionWatch(RetentionSweep sweep, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await sweep.RunAsync(stoppingToken) is { } erased && erased.Needs + erased.Requests > 0)
                    logger.LogInformation("Erased residents' personal data of {Needs} needs and {Requests} requests closed before {ClosedBefore}",
                        erased.Needs, erased.Requests, erased.ClosedBefore);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup (or migrations not yet applied) must not stop the job; the next round retries.
                logger.LogWarning(e, "Retention sweep failed; retrying at the next round");
            }
            await Task.Delay(options.Value.RetentionSweepInterval, clock, stoppingToken);
        }
    }
}
