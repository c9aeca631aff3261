using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Dispatch.Gateway.Health;

/// <summary>
/// What every proxy cluster gets where its configuration says nothing, so appsettings.json names only the destinations:
/// round robin; an active probe of <c>/health/ready</c> every 5 s (2 s timeout; two failures in a row take a replica out
/// of rotation, one success puts it back); passive: transport failures take it out for 30 s; when no replica is healthy,
/// all of them (a replica whose database is down answers its own 503 problem, which beats no answer); and a service that
/// sends nothing for 15 s has the request cancelled (504).
/// </summary>
internal sealed class ClusterDefaults : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        var health = cluster.HealthCheck ?? new HealthCheckConfig();
        var active = health.Active ?? new ActiveHealthCheckConfig();
        var passive = health.Passive ?? new PassiveHealthCheckConfig();
        var request = cluster.HttpRequest ?? ForwarderRequestConfig.Empty;
        return ValueTask.FromResult(cluster with
        {
            LoadBalancingPolicy = cluster.LoadBalancingPolicy ?? LoadBalancingPolicies.RoundRobin,
            HealthCheck = health with
            {
                AvailableDestinationsPolicy = health.AvailableDestinationsPolicy ?? HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
                Active = active with
                {
                    Enabled = active.Enabled ?? true,
                    Interval = active.Interval ?? TimeSpan.FromSeconds(5),
                    Timeout = active.Timeout ?? TimeSpan.FromSeconds(2),
                    Policy = active.Policy ?? HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = active.Path ?? "/health/ready",
                },
                Passive = passive with
                {
                    Enabled = passive.Enabled ?? true,
                    Policy = passive.Policy ?? HealthCheckConstants.PassivePolicy.TransportFailureRate,
                    ReactivationPeriod = passive.ReactivationPeriod ?? TimeSpan.FromSeconds(30),
                },
            },
            HttpRequest = request with { ActivityTimeout = request.ActivityTimeout ?? TimeSpan.FromSeconds(15) },
        });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}
