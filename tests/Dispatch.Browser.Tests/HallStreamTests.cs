using System.Net;
using System.Net.Http.Headers;

namespace Dispatch.Browser.Tests;

/// <summary>The live hall's stream through the real gateway: it outlives the proxy's timeouts and still delivers.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class HallStreamTests(BrowserSystem system)
{
    [Fact]
    public async Task The_hall_stream_stays_open_through_the_gateway_past_its_activity_timeout_and_delivers_a_later_publication()
    {
        using var street = await system.StreetAsync("hall-stream");
        var token = await TokenAsync(street.Teams[1].Username, street.Password);
        using var http = new HttpClient { BaseAddress = system.Gateway, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/hall/events");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Longer than the gateway's 15 s activity timeout and its 10 s attempt timeout: heartbeats keep it open.
        var opened = DateTime.UtcNow;
        var heartbeats = 0;
        while (DateTime.UtcNow - opened < TimeSpan.FromSeconds(17))
        {
            var line = await reader.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("the gateway closed the stream");
            if (line == ": keep-alive")
                heartbeats++;
        }
        Assert.True(heartbeats >= 1, "the stream should carry heartbeats while idle");

        var needId = await street.PublishNeedAsync("陪老人下棋");
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(needId.ToString(), StringComparison.Ordinal))
            {
                Assert.Contains("\"status\":\"published\"", line, StringComparison.Ordinal);
                return;
            }
        }
        Assert.Fail("the stream ended before the publication arrived");
    }

    [Fact]
    public async Task The_hall_stream_refuses_a_caller_without_a_token()
    {
        using var anonymous = new GatewayClient(system.Gateway);
        var response = await anonymous.GetAsync("/api/orders/hall/events");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    private async Task<string> TokenAsync(string username, string password)
    {
        using var anonymous = new GatewayClient(system.Gateway);
        var response = await anonymous.PostAsync("/api/auth/token", new { username, password });
        return response.Body!["accessToken"]!.GetValue<string>();
    }
}
