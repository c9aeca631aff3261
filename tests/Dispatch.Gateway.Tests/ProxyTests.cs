using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class ProxyTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Proxied_route_without_a_token_gets_401_problem_at_the_edge()
    {
        var response = await gateway.CreateClient().GetAsync("/api/needs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.JsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Token_signed_with_another_key_gets_401()
    {
        var forger = new TokenWriter(new AuthOptions { SigningKeys = "another-signing-key-that-is-long-enough-987654" }, TimeProvider.System);
        var (token, _) = forger.Write(new Caller(Guid.NewGuid(), "admin", Roles.Admin, null, null, null, null));

        var response = await gateway.ClientWithToken(token).GetAsync("/api/needs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Unsigned_alg_none_token_gets_401()
    {
        static string Part(object value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = Part(new { alg = "none", typ = "JWT" }) + "." + Part(new Dictionary<string, object>
        {
            ["sub"] = Guid.NewGuid(), ["name"] = "admin", ["role"] = "admin",
            ["iss"] = TestTokens.Options.Issuer, ["aud"] = TestTokens.Options.Audience,
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + 600,
        }) + ".";

        var needs = await gateway.ClientWithToken(token).GetAsync("/api/needs");
        var accounts = await gateway.ClientWithToken(token).GetAsync("/api/accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, needs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, accounts.StatusCode);
    }

    [Theory]
    [InlineData("/api/needs")]
    [InlineData("/api/needs/0199a1b2-0000-7000-8000-000000000001/publish")]
    public async Task Proxied_request_reaches_the_service_with_the_token_and_in_the_clients_trace(string path)
    {
        var token = TestTokens.Admin();
        var client = gateway.ClientWithToken(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.JsonAsync();
        Assert.Equal(path, echoed.GetProperty("path").GetString());
        Assert.Equal($"Bearer {token}", echoed.GetProperty("authorization").GetString());
        Assert.StartsWith($"00-{traceId}-", echoed.GetProperty("traceParent").GetString());
        Assert.Equal(traceId, response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Gateway_starts_a_trace_when_the_client_sends_none_passes_it_on_and_answers_its_id()
    {
        var response = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/api/needs");

        var traceId = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.StartsWith($"00-{traceId}-", (await response.JsonAsync()).GetProperty("traceParent").GetString());
    }

    [Fact]
    public async Task Readiness_names_each_destination_and_which_one_is_down()
    {
        var needs = gateway.Fakes.Address.GetLeftPart(UriPartial.Authority);
        var dead = gateway.DeadAddress.GetLeftPart(UriPartial.Authority);

        // YARP's probes are what it reports: the first runs as the gateway starts.
        var (response, checks) = await Eventually.ReturnsAsync(async () =>
        {
            var response = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/health/ready");
            var checks = (await response.JsonAsync()).GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            return (response, checks);
        }, answer => answer.checks[$"needs@{needs}"] == "Healthy", because: "YARP's first probe should find the needs destination ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Healthy", checks["postgres"]);
        Assert.Equal("Healthy", checks[$"needs@{needs}"]);
        Assert.Equal("Unhealthy", checks[$"teams@{dead}"]);
        Assert.Equal("Unhealthy", checks[$"matching@{dead}"]);
    }
}
