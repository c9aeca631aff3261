using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed class NetworkPolicyTests
{
    public static TheoryData<string> Overlays => Tests.Overlays.All();

    private static readonly string[] Services = ["needs", "teams", "matching"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_the_gateway_reaches_the_services(string name)
    {
        var (overlay, policies) = await LoadAsync(name);

        foreach (var service in Services)
        {
            Assert.True(policies.Admits(PodOf(overlay, "gateway"), PodOf(overlay, service), 8080), $"{name}: the gateway cannot reach {service}");
            foreach (var other in Services.Where(s => s != service))
                Assert.False(policies.Admits(PodOf(overlay, other), PodOf(overlay, service), 8080), $"{name}: {other} reaches {service}");
            Assert.False(policies.Admits(Stranger, PodOf(overlay, service), 8080), $"{name}: any pod of the namespace reaches {service}");
            Assert.False(policies.Admits(Elsewhere, PodOf(overlay, service), 8080), $"{name}: a pod of another namespace reaches {service}");
        }
        Assert.True(policies.Admits(Elsewhere, PodOf(overlay, "gateway"), 8080), $"{name}: the gateway cannot be reached from outside its namespace");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_the_processes_reach_the_broker(string name)
    {
        var (overlay, policies) = await LoadAsync(name);
        var broker = Pod.In("dispatch", ("app.kubernetes.io/name", RenderedOverlay.NameOf(Assert.Single(overlay.OfKind("RabbitmqCluster")))));

        // The gateway too: it publishes AccountSessionsEnded.
        foreach (var process in Services.Append("gateway"))
            foreach (var port in new[] { 5672, 5671 })
                Assert.True(policies.Admits(PodOf(overlay, process), broker, port), $"{name}: {process} cannot reach the broker on {port}");
        Assert.False(policies.Admits(Stranger, broker, 5672), $"{name}: any pod of the namespace reaches the broker");
        Assert.False(policies.Admits(Elsewhere, broker, 5672), $"{name}: a pod of another namespace reaches the broker");
        Assert.True(policies.Admits(broker, broker, 25672), $"{name}: the broker's nodes cannot cluster");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_the_processes_reach_the_databases(string name)
    {
        var (overlay, policies) = await LoadAsync(name);
        var database = Pod.In("dispatch", ("cnpg.io/cluster", RenderedOverlay.NameOf(Assert.Single(overlay.OfKind("Cluster")))));

        // The gateway too: it keeps the accounts in its own database (ConnectionStrings__Identity).
        foreach (var process in Services.Append("gateway"))
            Assert.True(policies.Admits(PodOf(overlay, process), database, 5432), $"{name}: {process} cannot reach PostgreSQL");
        Assert.False(policies.Admits(Stranger, database, 5432), $"{name}: any pod of the namespace reaches PostgreSQL");
        Assert.False(policies.Admits(Elsewhere, database, 5432), $"{name}: a pod of another namespace reaches PostgreSQL");
        Assert.True(policies.Admits(database, database, 5432), $"{name}: the PostgreSQL instances cannot replicate");
        Assert.True(policies.Admits(Pod.In("cnpg-system", ("app.kubernetes.io/name", "cloudnative-pg")), database, 8000), $"{name}: the operator cannot ask the instances for their status");
    }

    private static readonly Pod Stranger = Pod.In("dispatch", ("app", "debug-shell"));

    private static readonly Pod Elsewhere = Pod.In("ingress-nginx", ("app.kubernetes.io/name", "ingress-nginx"));

    private static Pod PodOf(RenderedOverlay overlay, string deployment) =>
        new("dispatch", RenderedOverlay.PodLabels(overlay.Find("Deployment", deployment)!));

    private static async Task<(RenderedOverlay, NetworkPolicies)> LoadAsync(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        return (overlay, new NetworkPolicies(overlay));
    }
}
