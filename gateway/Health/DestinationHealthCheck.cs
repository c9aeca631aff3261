using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Gateway.Health;

/// <summary>One service behind the gateway is ready when its own <c>/health/ready</c> says so within two seconds.</summary>
internal sealed class DestinationHealthCheck(IHttpClientFactory clients, Uri address) : IHealthCheck
{
    public const string ClientName = "destination-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        var probe = new Uri(address, "/health/ready");
        try
        {
            using var response = await clients.CreateClient(ClientName).GetAsync(probe, timeout.Token);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{probe} answered {(int)response.StatusCode}.")
                : HealthCheckResult.Unhealthy($"{probe} answered {(int)response.StatusCode}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{probe} does not answer.", ex);
        }
    }
}
