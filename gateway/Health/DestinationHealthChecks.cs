using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Gateway.Health;

internal static class DestinationHealthChecks
{
    /// <summary>
    /// A "ready" check per destination of every proxy cluster, named <c>cluster@address</c>, so that
    /// the gateway's <c>/health/ready</c> says which service behind it is down.
    /// </summary>
    public static WebApplicationBuilder AddDestinationHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(DestinationHealthCheck.ClientName);
        var checks = builder.Services.AddHealthChecks();
        foreach (var cluster in builder.Configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            foreach (var destination in cluster.GetSection("Destinations").GetChildren())
            {
                if (!Uri.TryCreate(destination["Address"], UriKind.Absolute, out var address))
                    continue;
                checks.AddTypeActivatedCheck<DestinationHealthCheck>(
                    $"{cluster.Key}@{address.GetLeftPart(UriPartial.Authority)}", HealthStatus.Unhealthy, ["ready"], address);
            }
        }
        return builder;
    }
}
