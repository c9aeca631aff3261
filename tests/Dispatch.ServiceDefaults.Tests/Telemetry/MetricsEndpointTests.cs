using System.Net;
using Dispatch.Testing;
using Dispatch.ServiceDefaults.Tests.Messaging;

namespace Dispatch.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// Alone, after the other tests of this assembly: every host here makes its own meters under the same names, and an
/// OpenTelemetry provider merges a newer host's instruments into the stream of an older one of the same name, which
/// ends when the older host is disposed. A deployed process has one host; here the other hosts must be gone first.
/// </summary>
[Collection(nameof(MetricsEndpointTests))]
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

    [Fact]
    public async Task The_outbox_inbox_and_error_queue_gauges_read_the_database_and_the_broker_once_scraped()
    {
        var text = await Eventually.ReturnsAsync(() => host.Client.GetStringAsync("/metrics"),
            t => t.Contains("dispatch_outbox_pending_age_seconds", StringComparison.Ordinal)
                 && t.Contains("dispatch_messaging_error_queue_messages{", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the gauges should report after their first reading");

        Assert.Matches(@"(?m)^dispatch_outbox_pending\{[^}]*\} \d+", text);
        Assert.Matches(@"(?m)^dispatch_inbox_messages\{[^}]*\} \d+", text);
        Assert.Contains("messaging_destination_name=\"probe-probe_error\"", text);
    }
}
