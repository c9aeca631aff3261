using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// Messages parked in the service's <c>_error</c> queues (a poison message, after its bounded retries).
/// Parked messages make the service Degraded — still ready, since the messages behind them keep
/// flowing — and the description names each queue and its count, so an operator sees them in
/// <c>/health/ready</c>.
/// </summary>
internal sealed class ErrorQueueHealthCheck(ErrorQueueDepths depths) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var parked = (await depths.ReadAsync(cancellationToken)).Where(q => q.Value > 0).ToDictionary(q => q.Key, q => (object)q.Value);
            return parked.Count == 0
                ? HealthCheckResult.Healthy("No message is parked in an error queue.")
                : HealthCheckResult.Degraded(
                    "Messages parked after their retries: " + string.Join(", ", parked.Select(p => $"{p.Value} in {p.Key}")) + ".",
                    data: parked);
        }
        catch (BrokerNotAnsweringException ex)
        {
            return HealthCheckResult.Degraded("The error queues cannot be read: the broker does not answer.", ex.InnerException);
        }
    }
}
