using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

/// <summary>The monitoring component as the production overlay includes it (the local overlay runs without).</summary>
public sealed class MonitoringTests
{
    private const string Overlay = "production";
    private static readonly string[] Processes = ["gateway", "needs", "teams", "matching"];
    private static readonly Pod Prometheus = Pod.In("monitoring", ("app.kubernetes.io/name", "prometheus"));
    private static readonly Pod Elsewhere = Pod.In("ingress-nginx", ("app.kubernetes.io/name", "ingress-nginx"));

    [Fact]
    public async Task Prometheus_scrapes_every_process_where_it_serves_metrics_and_never_through_the_gateways_public_service()
    {
        var overlay = await Overlays.RenderAsync(Overlay);

        foreach (var process in Processes)
        {
            var deployment = overlay.Find("Deployment", process)!;
            var container = Assert.Single(RenderedOverlay.Containers(deployment));
            var metricsPort = MetricsPort(overlay, container);
            var scraped = ScrapedPorts(overlay, deployment).ToList();
            Assert.True(scraped.Contains(metricsPort), $"{process}: no ServiceMonitor scrapes port {metricsPort} (scraped: {string.Join(", ", scraped)})");
        }
        var publicGateway = overlay.Find("Service", "gateway")!;
        Assert.DoesNotContain(overlay.OfKind("ServiceMonitor"), monitor => Selects(monitor, publicGateway));
        Assert.DoesNotContain(publicGateway["spec"]!["ports"]!.AsArray(), p => (int?)p!["port"] == MetricsPort(overlay, GatewayContainer(overlay)));
    }

    [Fact]
    public async Task Only_the_scraper_reaches_the_metrics_ports()
    {
        var overlay = await Overlays.RenderAsync(Overlay);
        var policies = new NetworkPolicies(overlay);

        foreach (var process in Processes)
        {
            var pod = new Pod("dispatch", RenderedOverlay.PodLabels(overlay.Find("Deployment", process)!));
            var port = MetricsPort(overlay, Assert.Single(RenderedOverlay.Containers(overlay.Find("Deployment", process)!)));
            Assert.True(policies.Admits(Prometheus, pod, port), $"Prometheus cannot reach {process}:{port}");
        }
        var gateway = new Pod("dispatch", RenderedOverlay.PodLabels(overlay.Find("Deployment", "gateway")!));
        var gatewayMetrics = MetricsPort(overlay, GatewayContainer(overlay));
        Assert.False(policies.Admits(Elsewhere, gateway, gatewayMetrics), "the gateway's metrics port is open to any namespace");
        Assert.False(policies.Admits(Pod.In("dispatch", ("app", "debug-shell")), gateway, gatewayMetrics), "the gateway's metrics port is open to any pod");
        Assert.True(policies.Admits(Prometheus, Pod.In("dispatch", ("cnpg.io/cluster", "dispatch-postgres")), 9187), "Prometheus cannot reach PostgreSQL's exporter");
        Assert.True(policies.Admits(Prometheus, Pod.In("dispatch", ("app.kubernetes.io/name", "dispatch-rabbitmq")), 15692), "Prometheus cannot reach RabbitMQ's metrics");
    }

    [Fact]
    public async Task The_rules_hold_the_alerts_operators_need_and_the_dashboard_is_a_grafana_dashboard_its_sidecar_loads()
    {
        var overlay = await Overlays.RenderAsync(Overlay);

        var alerts = Assert.Single(overlay.OfKind("PrometheusRule"))["spec"]!["groups"]!.AsArray()
            .SelectMany(g => g!["rules"]!.AsArray()).Select(r => (string?)r!["alert"]).ToHashSet();
        foreach (var alert in new[] { "DispatchErrorQueueNotEmpty", "DispatchOutboxStuck", "DispatchServiceNotReady", "Dispatch5xxAbove1Percent",
                     "DispatchClaimP99AboveOneSecond", "DispatchPostgresInstanceDown", "DispatchRabbitmqNodeDown" })
            Assert.Contains(alert, alerts);

        var dashboard = overlay.Find("ConfigMap", "dispatch-grafana-dashboard")!;
        Assert.Equal("1", (string?)dashboard["metadata"]!["labels"]!["grafana_dashboard"]);
        var json = JsonDocument.Parse((string)dashboard["data"]!["dispatch.json"]!).RootElement;
        Assert.False(string.IsNullOrEmpty(json.GetProperty("uid").GetString()));
        Assert.All(json.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row"),
            panel => Assert.NotEmpty(panel.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString())));
    }

    [Fact]
    public async Task With_tracing_every_process_exports_to_the_collector_and_the_collector_admits_them()
    {
        var overlay = await Overlays.RenderAsync(Overlay);
        var collector = Assert.Single(overlay.OfKind("OpenTelemetryCollector"));
        var policies = new NetworkPolicies(overlay);
        var collectorPod = Pod.In("dispatch", ("app.kubernetes.io/component", "opentelemetry-collector"));

        foreach (var process in Processes)
        {
            var deployment = overlay.Find("Deployment", process)!;
            var endpoint = new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(deployment)))["OTEL_EXPORTER_OTLP_ENDPOINT"]?.Value;
            // The operator names the collector's Service <name>-collector.
            Assert.Equal($"http://{RenderedOverlay.NameOf(collector)}-collector:4317", endpoint);
            Assert.True(policies.Admits(new Pod("dispatch", RenderedOverlay.PodLabels(deployment)), collectorPod, 4317), $"{process} cannot reach the collector");
        }
        Assert.False(policies.Admits(Elsewhere, collectorPod, 4317), "the collector is open to any namespace");
    }

    private static JsonObject GatewayContainer(RenderedOverlay overlay) => Assert.Single(RenderedOverlay.Containers(overlay.Find("Deployment", "gateway")!));

    /// <summary>Metrics__Port when the process has one, else the port it listens on (ASPNETCORE_HTTP_PORTS).</summary>
    private static int MetricsPort(RenderedOverlay overlay, JsonObject container)
    {
        var environment = new ContainerEnvironment(overlay, container);
        return int.Parse(environment["Metrics__Port"]?.Value ?? environment["ASPNETCORE_HTTP_PORTS"]!.Value!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The container ports the ServiceMonitors reach on the pods of <paramref name="deployment"/>.</summary>
    private static IEnumerable<int> ScrapedPorts(RenderedOverlay overlay, JsonObject deployment)
    {
        var pods = RenderedOverlay.PodLabels(deployment);
        var containerPorts = Assert.Single(RenderedOverlay.Containers(deployment))["ports"]!.AsArray().Select(p => p!.AsObject()).ToList();
        foreach (var service in overlay.OfKind("Service").Where(s => s["spec"]?["selector"] is JsonObject selector
                     && NetworkPolicies.Selects(new JsonObject { ["matchLabels"] = selector.DeepClone() }, pods)))
        {
            foreach (var monitor in overlay.OfKind("ServiceMonitor").Where(m => Selects(m, service)))
            {
                foreach (var endpoint in monitor["spec"]!["endpoints"]!.AsArray())
                {
                    var servicePort = service["spec"]!["ports"]!.AsArray().FirstOrDefault(p => (string?)p!["name"] == (string?)endpoint!["port"]);
                    var target = servicePort?["targetPort"] ?? servicePort?["port"];
                    if (target?.GetValueKind() == JsonValueKind.Number)
                        yield return (int)target;
                    else if (containerPorts.FirstOrDefault(p => (string?)p["name"] == (string?)target)?["containerPort"] is { } number)
                        yield return (int)number;
                }
            }
        }
    }

    private static bool Selects(JsonObject monitor, JsonObject service) =>
        NetworkPolicies.Selects(monitor["spec"]?["selector"], RenderedOverlay.Labels(service["metadata"]?["labels"]));
}
