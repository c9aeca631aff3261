using System.Net;
using Xunit;

namespace Dispatch.DemoStreet.Tests;

public sealed class GatewayClientTests
{
    /// <summary>Answers 429 (Retry-After: 1) to the first <c>limited</c> requests, then 201.</summary>
    private sealed class RateLimitedGateway(int limited) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            var response = Requests <= limited
                ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(1)) } }
                : new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id":"0199a000-0000-7000-8000-000000000001"}""") };
            return Task.FromResult(response);
        }
    }

    [Fact]
    public async Task A_rate_limited_request_is_sent_again_after_the_wait_the_gateway_asks_for()
    {
        var gateway = new RateLimitedGateway(limited: 1);
        var log = new StringWriter();
        var client = new GatewayClient(new HttpClient(gateway) { BaseAddress = new Uri("http://gateway.test") }, log, "token");

        var (status, body) = await client.PostAsync("/api/needs", new { title = "x" }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("0199a000-0000-7000-8000-000000000001", body.GetProperty("id").GetString());
        Assert.Equal(2, gateway.Requests);
        Assert.Contains("rate limited by the gateway; waiting 1 s", log.ToString());
    }

    [Fact]
    public async Task A_gateway_that_keeps_refusing_gets_a_clear_error_after_bounded_attempts()
    {
        var gateway = new RateLimitedGateway(limited: int.MaxValue);
        var client = new GatewayClient(new HttpClient(gateway) { BaseAddress = new Uri("http://gateway.test") }, TextWriter.Null, "token");

        var failure = await Assert.ThrowsAsync<DemoLoadException>(() => client.PostAsync("/api/needs", new { title = "x" }, CancellationToken.None));

        Assert.Contains("answered 429", failure.Message);
        Assert.Equal(10, gateway.Requests);
    }
}
