using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed class ScalingTests
{
    [Fact]
    public async Task Local_runs_one_replica_of_everything()
    {
        var overlay = await Overlays.RenderAsync("local");

        foreach (var deployment in overlay.Deployments)
        {
            Assert.Equal(1, (int?)deployment["spec"]?["replicas"] ?? 1);
            var autoscaler = overlay.Find("HorizontalPodAutoscaler", RenderedOverlay.NameOf(deployment))!;
            Assert.Equal(1, (int?)autoscaler["spec"]?["minReplicas"]);
            Assert.Equal(1, (int?)autoscaler["spec"]?["maxReplicas"]);
        }
        Assert.Equal(1, (int?)Assert.Single(overlay.OfKind("Cluster"))["spec"]?["instances"]);
        Assert.Equal(1, (int?)Assert.Single(overlay.OfKind("RabbitmqCluster"))["spec"]?["replicas"]);
    }

    [Fact]
    public async Task Production_runs_several_replicas_of_every_process_three_database_instances_and_three_broker_nodes()
    {
        var overlay = await Overlays.RenderAsync("production");

        foreach (var deployment in overlay.Deployments)
        {
            var autoscaler = overlay.Find("HorizontalPodAutoscaler", RenderedOverlay.NameOf(deployment))!;
            var min = (int?)autoscaler["spec"]?["minReplicas"] ?? 1;
            Assert.True(min >= 2, $"{RenderedOverlay.NameOf(deployment)} may scale down to {min}");
            Assert.True((int)autoscaler["spec"]!["maxReplicas"]! >= min);
        }
        Assert.Equal(3, (int?)Assert.Single(overlay.OfKind("Cluster"))["spec"]?["instances"]);
        Assert.Equal(3, (int?)Assert.Single(overlay.OfKind("RabbitmqCluster"))["spec"]?["replicas"]);
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Each_autoscaler_scales_its_deployment_on_the_cpu_its_containers_request(string name)
    {
        var overlay = await Overlays.RenderAsync(name);

        foreach (var deployment in overlay.Deployments)
        {
            var autoscaler = overlay.Find("HorizontalPodAutoscaler", RenderedOverlay.NameOf(deployment))!;
            Assert.Equal("Deployment", (string?)autoscaler["spec"]?["scaleTargetRef"]?["kind"]);
            Assert.Equal(RenderedOverlay.NameOf(deployment), (string?)autoscaler["spec"]?["scaleTargetRef"]?["name"]);
            // Utilization is a share of the request: without one the autoscaler cannot compute it.
            if (autoscaler["spec"]?["metrics"]?.AsArray().Any(m => (string?)m?["resource"]?["name"] == "cpu") == true)
                Assert.All(RenderedOverlay.Containers(deployment), c => Assert.NotNull(c["resources"]?["requests"]?["cpu"]));
            Assert.All(RenderedOverlay.Containers(deployment), c =>
            {
                Assert.NotNull(c["resources"]?["requests"]?["memory"]);
                Assert.NotNull(c["resources"]?["limits"]?["memory"]);
            });
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Each_disruption_budget_covers_its_deployment_and_leaves_a_replica_running(string name)
    {
        var overlay = await Overlays.RenderAsync(name);

        foreach (var deployment in overlay.Deployments)
        {
            var budget = overlay.Find("PodDisruptionBudget", RenderedOverlay.NameOf(deployment))!;
            Assert.True(NetworkPolicies.Selects(budget["spec"]?["selector"], RenderedOverlay.PodLabels(deployment)));
            var min = (int?)overlay.Find("HorizontalPodAutoscaler", RenderedOverlay.NameOf(deployment))!["spec"]?["minReplicas"] ?? 1;
            if (budget["spec"]?["maxUnavailable"] is JsonNode maxUnavailable)
                Assert.True(min == 1 || (int)maxUnavailable < min, $"{name}: {RenderedOverlay.NameOf(deployment)} may lose all {min} replicas at once");
            else
                Assert.True((int?)budget["spec"]?["minAvailable"] < min, $"{name}: {RenderedOverlay.NameOf(deployment)}'s budget would block every eviction");
        }
    }

    public static TheoryData<string> All() => Overlays.All();
}
