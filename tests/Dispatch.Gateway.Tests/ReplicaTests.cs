using System.Net;
using Dispatch.Testing;
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
    }

    private static async Task<string> ReplicaAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/needs");
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.JsonAsync()).GetProperty("replica").GetString()!
            : $"status {(int)response.StatusCode}";
    }
}
