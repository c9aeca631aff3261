using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Health;

namespace Dispatch.Gateway.Health;

internal static class ProxyHealth
{
    /// <summary>
    /// YARP's active and passive checks as the one judge of every destination: the clusters' defaults
    /// (<see cref="ClusterDefaults"/>), its probes marked (<see cref="ProbeMarking"/>), and a "ready" check per configured
    /// destination, named <c>cluster@address</c>, that reports YARP's verdict in the gateway's <c>/health/ready</c>.
    /// </summary>
    public static WebApplicationBuilder AddProxyHealth(this WebApplicationBuilder builder, IReverseProxyBuilder proxy)
    {
        proxy.AddConfigFilter<ClusterDefaults>();
        var yarps = builder.Services.Last(s => s.ServiceType == typeof(IProbingRequestFactory));
        builder.Services.Replace(ServiceDescriptor.Singleton<IProbingRequestFactory>(services =>
            new ProbeMarking((IProbingRequestFactory)ActivatorUtilities.CreateInstance(services, yarps.ImplementationType!))));

        var checks = builder.Services.AddHealthChecks();
        foreach (var cluster in builder.Configuration.GetSection(GatewaySettings.ReverseProxySection).GetSection("Clusters").GetChildren())
        {
            foreach (var destination in cluster.GetSection("Destinations").GetChildren())
            {
                var name = Uri.TryCreate(destination["Address"], UriKind.Absolute, out var address) ? address.GetLeftPart(UriPartial.Authority) : destination.Key;
                checks.AddTypeActivatedCheck<DestinationHealthCheck>($"{cluster.Key}@{name}", HealthStatus.Unhealthy, ["ready"], cluster.Key, destination.Key);
            }
        }
        return builder;
    }
}
