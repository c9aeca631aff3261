using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class GrowingLockoutTests(ClockedGatewayFactory gateway) : IClassFixture<ClockedGatewayFactory>
{
    [Fact]
    public async Task Each_failure_after_a_lockout_doubles_the_next_one_and_the_right_password_forgives_them()
    {
        (await gateway.ClientWithToken(TestTokens.Admin()).PostAsJsonAsync("/api/accounts",
            new { username = "slow-guesses", password = "right-password-1", role = "admin" })).EnsureSuccessStatusCode();
        var client = gateway.ClientFrom("10.9.0.1");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync("slow-guesses", "wrong-password-1")).StatusCode);

        var waits = new List<double> { await RetryAfterAsync(client) };
        for (var i = 0; i < 2; i++)
        {
            gateway.Clock.Advance(TimeSpan.FromSeconds(waits[^1] + 1));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync("slow-guesses", "wrong-password-1")).StatusCode);
            waits.Add(await RetryAfterAsync(client));
        }
        gateway.Clock.Advance(TimeSpan.FromSeconds(waits[^1] + 1));
        var rightAfterLockout = await client.RequestTokenAsync("slow-guesses", "right-password-1");
        for (var i = 0; i < 4; i++)
            await client.RequestTokenAsync("slow-guesses", "wrong-password-1");
        var fifthFailureAgain = await client.RequestTokenAsync("slow-guesses", "wrong-password-1");

        Assert.Equal([60, 120, 240], waits);
        Assert.Equal(HttpStatusCode.OK, rightAfterLockout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fifthFailureAgain.StatusCode);
        Assert.Equal(60, await RetryAfterAsync(client));
    }

    private static async Task<double> RetryAfterAsync(HttpClient client)
    {
        var refused = await client.RequestTokenAsync("slow-guesses", "right-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        return refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
    }
}
