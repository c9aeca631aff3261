using System.Net;
using Dispatch.ServiceDefaults.Tests.Messaging;

namespace Dispatch.ServiceDefaults.Tests.Telemetry;

public sealed class MetricsEndpointTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    [Fact]
    public async Task A_service_answers_metrics_on_its_own_port_without_a_token_in_prometheus_text()
    {
        await host.Client.GetAsync("/health/live");

        var response = await host.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", text);
        Assert.Contains("service_name=\"", text);
    }
}
