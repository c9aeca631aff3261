using System.Text.RegularExpressions;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

public sealed partial class TerminationTests
{
    public static TheoryData<string> Overlays => Tests.Overlays.All();

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Pods_drain_before_they_stop_and_the_grace_period_covers_the_shutdown(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);
        var shutdown = int.Parse(ShutdownTimeout().Match(Repository.Read("shared", "Dispatch.ServiceDefaults", "ServiceDefaultsExtensions.cs")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        foreach (var deployment in overlay.Deployments)
        {
            var id = $"{name}/{RenderedOverlay.NameOf(deployment)}";
            var container = Assert.Single(RenderedOverlay.Containers(deployment));
            // The sleep keeps the pod serving while its endpoint is removed everywhere; the image has no shell for `exec sleep`.
            var sleep = (int?)container["lifecycle"]?["preStop"]?["sleep"]?["seconds"];
            Assert.True(sleep is >= 5, $"{id}: no preStop sleep of 5 s or more");
            var grace = (int?)RenderedOverlay.PodSpec(deployment)["terminationGracePeriodSeconds"] ?? 30;
            Assert.True(grace > sleep + shutdown, $"{id}: grace period {grace} s does not cover the preStop sleep ({sleep} s) and the host's shutdown timeout ({shutdown} s)");
            Assert.Equal(0, (int?)deployment["spec"]?["strategy"]?["rollingUpdate"]?["maxUnavailable"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Containers_run_as_the_images_non_root_user_without_privileges(string name)
    {
        var overlay = await Tests.Overlays.RenderAsync(name);

        foreach (var deployment in overlay.Deployments)
        {
            var pod = RenderedOverlay.PodSpec(deployment);
            Assert.True((bool?)pod["securityContext"]?["runAsNonRoot"], $"{name}/{RenderedOverlay.NameOf(deployment)}: runAsNonRoot is not set");
            Assert.Equal(1654, (int?)pod["securityContext"]?["runAsUser"]); // the .NET images' "app" user (USER $APP_UID)
            var container = Assert.Single(RenderedOverlay.Containers(deployment));
            Assert.False((bool?)container["securityContext"]?["allowPrivilegeEscalation"] ?? true);
            Assert.True((bool?)container["securityContext"]?["readOnlyRootFilesystem"]);
        }
    }

    [GeneratedRegex(@"ShutdownTimeout = TimeSpan\.FromSeconds\((\d+)\)")]
    private static partial Regex ShutdownTimeout();
}
