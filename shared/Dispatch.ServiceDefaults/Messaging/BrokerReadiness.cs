using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// How the broker counts for readiness. Until the bus has been up once the service is not ready: its
/// queues may not be bound yet, so an event published meanwhile could be lost. After that, a broker outage
/// only makes it Degraded: requests still commit, their events wait in the outbox, and an orchestrator
/// that routes by readiness (the gateway's probes, a Kubernetes Service) keeps sending it work instead of
/// taking every replica out at once.
/// </summary>
public sealed class BrokerReadiness
{
    private volatile bool _hasBeenUp;

    public HealthCheckResult Judge(HealthCheckResult bus)
    {
        if (bus.Status == HealthStatus.Healthy)
        {
            _hasBeenUp = true;
            return bus;
        }
        return _hasBeenUp
            ? new HealthCheckResult(HealthStatus.Degraded, $"The broker is unreachable; events wait in the outbox. {bus.Description}", bus.Exception, bus.Data)
            : bus;
    }

    /// <summary>Wraps MassTransit's bus check (tagged "masstransit") in the judgement above.</summary>
    internal static void Apply(IServiceCollection services)
    {
        services.AddSingleton<BrokerReadiness>();
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Tags.Contains("masstransit")))
            {
                var busCheck = registration.Factory;
                registration.Factory = provider => new JudgedCheck(busCheck(provider), provider.GetRequiredService<BrokerReadiness>());
            }
        });
    }

    private sealed class JudgedCheck(IHealthCheck bus, BrokerReadiness readiness) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            readiness.Judge(await bus.CheckHealthAsync(context, cancellationToken));
    }
}
