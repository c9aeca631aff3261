using System.Net;
using System.Net.Http.Headers;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

/// <summary>The live hall: a claim made through one matching replica reaches a team following the hall on another.</summary>
[Collection(MatchingCollection.Name)]
public sealed class HallEventsTests(MatchingService service) : IAsyncLifetime
{
    private SecondReplica _other = null!;

    public async Task InitializeAsync()
    {
        _other = new SecondReplica(service.DatabaseConnectionString);
        await _other.InitializeAsync();
    }

    public async Task DisposeAsync() => await _other.DisposeAsync();

    [Fact]
    public async Task A_claim_through_one_replica_is_pushed_to_a_team_following_the_hall_on_another()
    {
        var street = new Street(service);
        var community = await street.CommunityAsync("汇泉社区");
        var follower = await street.TeamAsync(community);
        var claimer = await street.TeamAsync(community);
        var needId = await street.NeedAsync(community);

        using var stream = _other.ClientWithToken(TestTokens.Team(follower.TeamId, follower.CommunityId, follower.StreetId, follower.DistrictId));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders/hall/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await stream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await ReadUntilAsync(reader, line => line == "event: ready", deadline.Token);

        using var claiming = street.As(claimer);
        Assert.Equal(HttpStatusCode.OK, (await claiming.PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);

        var data = await ReadUntilAsync(reader, line => line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(needId.ToString(), StringComparison.Ordinal), deadline.Token);
        Assert.Contains("\"status\":\"claimed\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_team_follows_the_hall()
    {
        using var coordinator = service.ClientWithToken(TestTokens.Coordinator(Guid.NewGuid(), Guid.NewGuid()));
        var response = await coordinator.GetAsync("/api/orders/hall/events");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var anonymous = service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/orders/hall/events")).StatusCode);
    }

    private static async Task<string> ReadUntilAsync(StreamReader reader, Func<string, bool> wanted, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (wanted(line))
                return line;
        }
        throw new InvalidOperationException("The event stream ended before the expected line.");
    }

    /// <summary>A second matching replica on the first one's database (its own broker vhost): what the gateway balances over.</summary>
    private sealed class SecondReplica(string database) : ServiceFactory<Program>("Matching")
    {
        protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("ConnectionStrings:Matching", database)];
    }
}
