using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed partial class PortAndProbeTests
{
    public static TheoryData<string> Overlays => Tests.Overlays.All();

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Container_port_service_target_port_and_probe_ports_are_the_port_the_process_listens_on(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);

        foreach (var deployment in overlay.Deployments)
        {
            var id = $"{name}: Deployment {RenderedOverlay.NameOf(deployment)}";
            var container = Assert.Single(RenderedOverlay.Containers(deployment));
            var listens = ListeningPort(overlay, container);
            Assert.True(listens is not null, $"{id}: sets neither ASPNETCORE_HTTP_PORTS, ASPNETCORE_URLS nor --urls");

            var ports = container["ports"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            Assert.Contains(ports, p => (int?)p["containerPort"] == listens);
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                if (container[probe] is not JsonObject p)
                    continue;
                Assert.True(Resolve(p["httpGet"]?["port"], ports) == listens, $"{id}: {probe} asks port {p["httpGet"]?["port"]}, the process listens on {listens}");
            }

            var services = overlay.OfKind("Service")
                .Where(s => s["spec"]?["selector"] is JsonObject selector && selector.Count > 0
                    && NetworkPolicies.Selects(new JsonObject { ["matchLabels"] = selector.DeepClone() }, RenderedOverlay.PodLabels(deployment)))
                .ToList();
            Assert.NotEmpty(services);
            // The process listens on its port and, when Metrics__Port is set (the gateway's /metrics), on that one too.
            var metricsPort = int.TryParse(new ContainerEnvironment(overlay, container)["Metrics__Port"]?.Value, out var own) ? own : (int?)null;
            if (metricsPort is not null)
                Assert.True(ports.Any(p => (int?)p["containerPort"] == metricsPort), $"{id}: Metrics__Port {metricsPort} is no container port");
            foreach (var service in services)
            {
                foreach (var servicePort in service["spec"]!["ports"]!.AsArray())
                {
                    var target = Resolve(servicePort!["targetPort"] ?? servicePort["port"], ports);
                    Assert.True(target == listens || (target is not null && target == metricsPort),
                        $"{id}: Service {RenderedOverlay.NameOf(service)} sends to {servicePort["targetPort"]}, the process listens on {listens}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Probes_ask_the_health_endpoints_the_code_maps(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var mapped = HealthPath().Matches(Repository.Read("shared", "Dispatch.ServiceDefaults", "Health", "HealthEndpoints.cs"))
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("/health/live", mapped);
        Assert.Contains("/health/ready", mapped);

        foreach (var deployment in overlay.Deployments)
        {
            var code = ProcessCode.For(RenderedOverlay.NameOf(deployment));
            Assert.Contains("UseServiceDefaults()", Repository.Sources(code.Folder), StringComparison.Ordinal);
            var container = Assert.Single(RenderedOverlay.Containers(deployment));
            Assert.Equal("/health/ready", (string?)container["readinessProbe"]?["httpGet"]?["path"]);
            Assert.Equal("/health/live", (string?)container["livenessProbe"]?["httpGet"]?["path"]);
            if (container["startupProbe"] is JsonObject startup)
                Assert.Contains((string?)startup["httpGet"]?["path"] ?? "(none)", mapped);
        }
    }

    /// <summary>The port ASP.NET Core binds: ASPNETCORE_HTTP_PORTS, or the port of ASPNETCORE_URLS / --urls (which win).</summary>
    private static int? ListeningPort(RenderedOverlay overlay, JsonObject container)
    {
        var environment = new ContainerEnvironment(overlay, container);
        var args = container["args"]?.AsArray().Select(a => (string?)a).ToList() ?? [];
        var urlsArgument = args.IndexOf("--urls") is var i and >= 0 && i + 1 < args.Count ? args[i + 1] : null;
        var urls = urlsArgument ?? environment["ASPNETCORE_URLS"]?.Value;
        if (urls is not null)
            return new Uri(urls.Split(';')[0].Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal)).Port;
        return int.TryParse(environment["ASPNETCORE_HTTP_PORTS"]?.Value?.Split(';')[0], out var port) ? port : null;
    }

    private static int? Resolve(JsonNode? port, List<JsonObject> containerPorts) => port?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => (int)port,
        System.Text.Json.JsonValueKind.String => (int?)containerPorts.FirstOrDefault(p => (string?)p["name"] == (string)port!)?["containerPort"],
        _ => null,
    };

    [GeneratedRegex(@"MapHealthChecks\(""([^""]+)""")]
    private static partial Regex HealthPath();
}
