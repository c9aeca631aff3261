using System.Text.Json;
using Dapper;
using Dispatch.Testing;
using Npgsql;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

[Collection(TeamsCollection.Name)]
public sealed class TeamEventsTests(TeamsService service)
{
    [Fact]
    public async Task TeamRegistered_and_TeamHatched_are_relayed_with_versions_1_and_2()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        var registered = await RelayedAsync("TeamRegistered", team.Id);
        Assert.Equal(1, registered.GetProperty("team").GetProperty("version").GetInt64());
        Assert.Equal("incubating", registered.GetProperty("team").GetProperty("status").GetString());

        (await street.Coordinator.PostAsync($"/api/teams/{team.Id}/hatch", null)).EnsureSuccessStatusCode();

        var hatched = await RelayedAsync("TeamHatched", team.Id);
        Assert.Equal(2, hatched.GetProperty("team").GetProperty("version").GetInt64());
        Assert.Equal("hatched", hatched.GetProperty("team").GetProperty("status").GetString());
        // The profile other services receive never carries the leader's contact.
        Assert.DoesNotContain("138-0000-1234", hatched.GetRawText());
    }

    [Fact]
    public async Task TeamSuspended_carries_the_reason_and_the_next_version()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        (await street.Coordinator.PostAsync($"/api/teams/{team.Id}/suspend", JsonContent("""{"reason":"暂停整改"}"""))).EnsureSuccessStatusCode();

        var suspended = await RelayedAsync("TeamSuspended", team.Id);
        Assert.Equal(2, suspended.GetProperty("team").GetProperty("version").GetInt64());
        Assert.Equal("暂停整改", suspended.GetProperty("reason").GetString());
    }

    /// <summary>Waits until the outbox row of <paramref name="type"/> for the team has been published to RabbitMQ.</summary>
    private async Task<JsonElement> RelayedAsync(string type, Guid teamId)
    {
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        var body = await Eventually.ReturnsAsync(
            () => connection.QuerySingleOrDefaultAsync<string>("""
                select body::text from outbox_messages
                where message_type = @type and body->'team'->>'teamId' = @teamId and sent_at is not null
                """, new { type, teamId = teamId.ToString() }),
            b => b is not null, because: $"the {type} row is relayed");
        return JsonDocument.Parse(body!).RootElement.Clone();
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
