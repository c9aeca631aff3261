using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed class GatewayRoutingTests
{
    public static TheoryData<string> Overlays => Tests.Overlays.All();

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_proxy_destination_and_the_team_registry_address_are_Services_of_the_right_process(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var gateway = overlay.Find("Deployment", "gateway")!;
        var environment = new ContainerEnvironment(overlay, Assert.Single(RenderedOverlay.Containers(gateway)));

        var addresses = environment.Variables
            .Where(v => v.Name.StartsWith("ReverseProxy__Clusters__", StringComparison.Ordinal) && v.Name.EndsWith("__Address", StringComparison.Ordinal))
            .Select(v => (Process: v.Name.Split("__")[2], Address: v.Value!))
            .Append((Process: "teams", Address: environment["Services__Teams"]!.Value!))
            .ToList();
        Assert.NotEmpty(addresses);

        foreach (var (process, address) in addresses)
        {
            var uri = new Uri(address);
            // "needs", "needs.dispatch" or "needs.dispatch.svc.cluster.local" in the gateway's own namespace.
            var host = uri.Host.Split('.');
            Assert.True(host.Length == 1 || host[1] == "dispatch", $"{name}: {address} is not a Service of the namespace dispatch");
            var service = overlay.Find("Service", host[0]);
            Assert.True(service is not null, $"{name}: {address} names no Service of the overlay");
            Assert.Contains(service!["spec"]!["ports"]!.AsArray(), p => (int?)p!["port"] == uri.Port);

            var deployment = overlay.Find("Deployment", process);
            Assert.True(deployment is not null, $"{name}: proxy cluster {process} has no Deployment of that name");
            Assert.True(NetworkPolicies.Selects(new JsonObject { ["matchLabels"] = service["spec"]!["selector"]!.DeepClone() }, RenderedOverlay.PodLabels(deployment!)),
                $"{name}: Service {host[0]} ({address}) does not select the pods of {process}");
        }
    }
}
