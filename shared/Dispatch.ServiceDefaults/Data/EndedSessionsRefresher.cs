using Dispatch.ServiceDefaults.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>
/// Keeps <see cref="EndedSessions"/> as the process's <c>ended_sessions</c> table says: loaded before the process
/// serves its first request, then re-read every <see cref="AuthOptions.EndedSessionsRefreshInterval"/>, so that every
/// replica learns of an end its sibling recorded (replicas of a service share one queue: one of them consumes each
/// <c>AccountSessionsEnded</c>) and a restarted process forgets none. Only ends younger than a token's lifetime are
/// kept: an older end refuses nothing that is not already expired.
/// </summary>
public sealed class EndedSessionsRefresher(
    Database database, EndedSessions sessions, IOptionsMonitor<AuthOptions> options, TimeProvider clock, ILogger<EndedSessionsRefresher> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.CurrentValue.EndedSessionsRefreshInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
                return;
            try
            {
                await LoadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: the ends known so far keep refusing; the next round tries again.
                logger.LogWarning("Could not re-read ended sessions: {Message}", ex.Message);
            }
        }
    }

    private Task LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        return EndedSessionsTable.LoadAsync(database, sessions, clock.GetUtcNow() - settings.TokenLifetime - settings.ClockSkew, cancellationToken);
    }
}
