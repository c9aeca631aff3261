using System.Net;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class ReplicaTests(ReplicatedGatewayFactory gateway) : IClassFixture<ReplicatedGatewayFactory>
{
    [Fact]
    public async Task Requests_are_balanced_over_both_replicas_and_reach_the_second_when_the_first_is_killed()
    {
        var client = gateway.ClientWithToken(TestTokens.Admin());
        var reached = new HashSet<string>();
        for (var i = 0; i < 6; i++)
            reached.Add(await ReplicaAsync(client));
        Assert.Equal(["first", "second"], reached.Order());

        await gateway.First.StopAsync();

        // Active probes (every second) and passive failures take the dead replica out of rotation.
        await Eventually.TrueAsync(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                if (await ReplicaAsync(client) != "second")
                    return false;
            }
            return true;
        }, TimeSpan.FromSeconds(30), "every request should reach the second replica once the first is dead");

        // The gateway's readiness reports the same verdict, YARP's.
        var checks = await Eventually.ReturnsAsync(async () => (await (await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/health/ready")).JsonAsync())
                .GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()),
            c => c[$"needs@{gateway.First.Address.GetLeftPart(UriPartial.Authority)}"] == "Unhealthy", TimeSpan.FromSeconds(30));
        Assert.Equal("Healthy", checks[$"needs@{gateway.Second.Address.GetLeftPart(UriPartial.Authority)}"]);
    }

    [Fact]
    public void Every_cluster_gets_the_health_check_defaults_and_keeps_what_its_configuration_sets()
    {
        var proxy = gateway.Services.GetRequiredService<IProxyStateLookup>();

        Assert.True(proxy.TryGetCluster("needs", out var needs));
        Assert.True(proxy.TryGetCluster("teams", out var teams));
        var configured = needs.Model.Config;
        var defaulted = teams.Model.Config;
        Assert.Equal(TimeSpan.FromSeconds(1), configured.HealthCheck!.Active!.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), defaulted.HealthCheck!.Active!.Interval);
        foreach (var cluster in new[] { configured, defaulted })
        {
            Assert.Equal("RoundRobin", cluster.LoadBalancingPolicy);
            Assert.Equal("HealthyOrPanic", cluster.HealthCheck!.AvailableDestinationsPolicy);
            Assert.True(cluster.HealthCheck.Active!.Enabled);
            Assert.Equal("/health/ready", cluster.HealthCheck.Active.Path);
            Assert.Equal("ConsecutiveFailures", cluster.HealthCheck.Active.Policy);
            Assert.True(cluster.HealthCheck.Passive!.Enabled);
            Assert.Equal(TimeSpan.FromSeconds(30), cluster.HealthCheck.Passive.ReactivationPeriod);
            Assert.Equal(TimeSpan.FromSeconds(15), cluster.HttpRequest!.ActivityTimeout);
        }
    }

    private static async Task<string> ReplicaAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/needs");
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.JsonAsync()).GetProperty("replica").GetString()!
            : $"status {(int)response.StatusCode}";
    }
}
