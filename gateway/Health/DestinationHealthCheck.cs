using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Dispatch.Gateway.Health;

/// <summary>
/// One destination of the proxy, as YARP's own health checks judge it (read from the proxy's state, not probed again):
/// ready once its last active probe of <c>/health/ready</c> passed, unless the passive check took it out of rotation.
/// </summary>
internal sealed class DestinationHealthCheck(IProxyStateLookup proxy, string clusterId, string destinationId) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxy.TryGetCluster(clusterId, out var cluster) || !cluster.Destinations.TryGetValue(destinationId, out var destination))
            return Task.FromResult(HealthCheckResult.Unhealthy($"Destination {destinationId} of cluster {clusterId} is not in the proxy's configuration."));

        var address = destination.Model.Config.Address;
        return Task.FromResult((destination.Health.Active, destination.Health.Passive) switch
        {
            (_, DestinationHealth.Unhealthy) => HealthCheckResult.Unhealthy($"{address}: out of rotation after failed requests."),
            (DestinationHealth.Healthy, _) => HealthCheckResult.Healthy($"{address}: ready at the last probe."),
            (DestinationHealth.Unhealthy, _) => HealthCheckResult.Unhealthy($"{address}: failed its last probes."),
            _ => HealthCheckResult.Unhealthy($"{address}: not yet ready at a probe."),
        });
    }
}
