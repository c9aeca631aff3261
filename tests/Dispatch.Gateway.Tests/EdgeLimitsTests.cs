using System.Net;
using System.Text;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class EdgeLimitsTests(TightLimitsGatewayFactory gateway) : IClassFixture<TightLimitsGatewayFactory>
{
    [Fact]
    public async Task Burst_over_the_accounts_limit_gets_429_with_Retry_After_while_another_account_goes_on()
    {
        var client = gateway.ClientWithToken(TestTokens.Admin());
        for (var i = 0; i < TightLimitsGatewayFactory.PermitLimit; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/needs")).StatusCode);

        var refused = await client.GetAsync("/api/needs");
        var other = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/api/needs");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After should say how many seconds to wait");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Body_over_the_limit_gets_413_before_it_is_forwarded_and_the_import_route_allows_more()
    {
        var client = gateway.ClientWithToken(TestTokens.Admin());
        var large = new string('x', TightLimitsGatewayFactory.MaxBodySize * 4);

        var refused = await client.PostAsync("/api/needs", new StringContent(large, Encoding.UTF8, "text/plain"));
        var import = await gateway.ClientWithToken(TestTokens.Admin()).PostAsync("/api/needs/import", new StringContent(large, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
    }

    [Fact]
    public async Task Failing_service_opens_the_circuit_and_then_answers_503_problem_at_once()
    {
        // The matching cluster points at a port where nothing listens; a fresh account per request stays under the rate limit.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? open = null;
        for (var i = 0; i < 10 && open is null; i++)
        {
            var response = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/api/orders/hall");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                open = response;
        }

        Assert.NotNull(open);
        Assert.Equal(HttpStatusCode.BadGateway, statuses[0]);
        Assert.Equal("application/problem+json", open.Content.Headers.ContentType?.MediaType);
        Assert.Contains("matching", (await open.JsonAsync()).GetProperty("detail").GetString());
        Assert.NotNull(open.Headers.RetryAfter);
    }

    [Fact]
    public async Task Answers_of_500_to_some_requests_leave_the_circuit_closed_for_everyone_else()
    {
        for (var i = 0; i < TightLimitsGatewayFactory.CircuitMinimumThroughput * 4; i++)
            Assert.Equal(HttpStatusCode.InternalServerError, (await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/api/needs/fails")).StatusCode);

        var good = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/api/needs");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Hanging_service_gets_504s_then_its_circuit_opens_and_answers_503_at_once()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? open = null;
        for (var i = 0; i < 10 && open is null; i++)
        {
            var response = await gateway.ClientWithToken(TestTokens.Admin()).GetAsync("/api/teams");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                open = response;
        }

        Assert.NotNull(open);
        Assert.All(statuses.SkipLast(1), status => Assert.Equal(HttpStatusCode.GatewayTimeout, status));
        Assert.True(statuses.Count > TightLimitsGatewayFactory.CircuitMinimumThroughput - 1, string.Join(", ", statuses));
        Assert.Contains("teams", (await open.JsonAsync()).GetProperty("detail").GetString());
    }
}
