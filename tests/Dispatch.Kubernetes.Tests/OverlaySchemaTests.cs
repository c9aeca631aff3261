using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed class OverlaySchemaTests
{
    public static TheoryData<string> Overlays => Tests.Overlays.All();

    private static readonly string[] Processes = ["gateway", "needs", "teams", "matching"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_of_the_overlay_matches_its_schema(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);

        Assert.NotEmpty(overlay.Objects);
        Assert.True(overlay.SchemaProblems.Count == 0, $"{name}:\n" + string.Join("\n", overlay.SchemaProblems));
    }

    [Fact]
    public async Task The_schema_check_reports_a_misspelt_field_a_wrong_type_and_a_bad_operator_resource()
    {
        var file = Path.Combine(Path.GetTempPath(), $"k8s-broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: broken, namespace: dispatch }
            spec:
              selector: { matchLabels: { app: broken } }
              template:
                metadata: { labels: { app: broken } }
                spec:
                  containers:
                    - name: broken
                      image: example/broken:1
                      ports: [{ containerPort: "8080" }]
                      readinesProbe: { httpGet: { path: /health/ready, port: 8080 } }
            ---
            apiVersion: rabbitmq.com/v1beta1
            kind: RabbitmqCluster
            metadata: { name: broker, namespace: dispatch }
            spec: { replicas: three }
            """);
        try
        {
            var problems = JsonNode.Parse(await SchemaChecker.ValidateAsync(file))!["problems"]!.AsArray().Select(p => (string)p!).ToList();

            Assert.Contains(problems, p => p.Contains("readinesProbe: unknown field", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("containerPort must be integer", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith("RabbitmqCluster/broker", StringComparison.Ordinal) && p.Contains("replicas", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_lives_in_the_dispatch_namespace(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);

        Assert.NotNull(overlay.Find("Namespace", "dispatch"));
        var elsewhere = overlay.Objects
            .Where(o => (string?)o["kind"] != "Namespace" && (string?)o["metadata"]?["namespace"] != "dispatch")
            .Select(o => $"{o["kind"]}/{RenderedOverlay.NameOf(o)}");
        Assert.Empty(elsewhere);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_process_has_a_deployment_service_autoscaler_and_disruption_budget(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);

        foreach (var process in Processes)
        {
            Assert.True(overlay.Find("Deployment", process) is not null, $"{name}: no Deployment {process}");
            Assert.True(overlay.Find("Service", process) is not null, $"{name}: no Service {process}");
            Assert.True(overlay.Find("HorizontalPodAutoscaler", process) is not null, $"{name}: no HorizontalPodAutoscaler {process}");
            Assert.True(overlay.Find("PodDisruptionBudget", process) is not null, $"{name}: no PodDisruptionBudget {process}");
        }
        Assert.Equal(Processes.Order(), overlay.Deployments.Select(RenderedOverlay.NameOf).Order());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_broker_and_the_database_are_operator_clusters_with_a_database_per_process(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);

        var rabbit = Assert.Single(overlay.OfKind("RabbitmqCluster"));
        Assert.Equal("rabbitmq.com/v1beta1", (string?)rabbit["apiVersion"]);
        var postgres = Assert.Single(overlay.OfKind("Cluster"));
        Assert.Equal("postgresql.cnpg.io/v1", (string?)postgres["apiVersion"]);

        var owner = (string?)postgres["spec"]?["bootstrap"]?["initdb"]?["owner"];
        Assert.False(string.IsNullOrEmpty(owner), "the Cluster bootstraps no owner role for the services");
        var postInit = string.Join("\n", postgres["spec"]?["bootstrap"]?["initdb"]?["postInitSQL"]?.AsArray().Select(s => (string?)s) ?? []);
        Assert.Contains($"ALTER ROLE {owner} CREATEDB", postInit, StringComparison.OrdinalIgnoreCase);

        var declared = overlay.OfKind("Database")
            .Where(d => (string?)d["spec"]?["cluster"]?["name"] == RenderedOverlay.NameOf(postgres) && (string?)d["spec"]?["owner"] == owner)
            .Select(d => (string?)d["spec"]?["name"])
            .ToHashSet();
        foreach (var deployment in overlay.Deployments)
        {
            var code = ProcessCode.For(RenderedOverlay.NameOf(deployment));
            foreach (var database in code.Databases)
                Assert.Contains($"dispatch_{database.ToLowerInvariant()}", declared);
        }
    }
}
