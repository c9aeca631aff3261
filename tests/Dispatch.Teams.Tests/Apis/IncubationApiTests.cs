using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Dispatch.Testing;
using Npgsql;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>Each incubation step through HTTP: allowed for the street's coordinator from the right status, refused otherwise.</summary>
[Collection(TeamsCollection.Name)]
public sealed class IncubationApiTests(TeamsService service)
{
    // How to bring a fresh team (registered incubating) to each status, and the steps legal from there.
    private static readonly Dictionary<string, string[]> PathTo = new()
    {
        ["applied"] = [],
        ["incubating"] = [],
        ["hatched"] = ["hatch"],
        ["suspended"] = ["suspend"],
        ["retired"] = ["retire"],
    };

    private static readonly (string From, string Action, string To)[] Legal =
    [
        ("applied", "incubate", "incubating"), ("applied", "retire", "retired"),
        ("incubating", "hatch", "hatched"), ("incubating", "suspend", "suspended"), ("incubating", "retire", "retired"),
        ("hatched", "suspend", "suspended"), ("hatched", "retire", "retired"),
        ("suspended", "hatch", "hatched"), ("suspended", "retire", "retired"),
    ];

    private static readonly string[] Actions = ["incubate", "hatch", "suspend", "retire"];

    public static TheoryData<string, string> AllSteps()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in PathTo.Keys)
            foreach (var action in Actions)
                data.Add(from, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllSteps))]
    public async Task The_streets_coordinator_moves_a_team_only_where_the_lifecycle_allows(string from, string action)
    {
        var street = await Street.CreateAsync(service);
        var team = await TeamInAsync(street, from);

        var response = await street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/{action}", new { reason = "按孵化计划", mentor = "李社工" });

        var legal = Legal.FirstOrDefault(l => l.From == from && l.Action == action);
        if (legal.To is { } to)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var moved = (await response.Content.ReadFromJsonAsync<TeamView>())!;
            Assert.Equal((to, "李社工"), (moved.Status, moved.Mentor));
            var last = (await street.Coordinator.GetFromJsonAsync<HistoryView[]>($"/api/teams/{team.Id}/history"))!.Last();
            Assert.Equal((from, to, "coordinator", "按孵化计划", "李社工"), (last.FromStatus, last.ToStatus, last.Actor, last.Reason, last.Mentor));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains(from, (await response.Content.ReadFromJsonAsync<ProblemView>())!.Detail);
            Assert.Equal(from, (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.Status);
        }
    }

    [Theory]
    [InlineData("incubate", "applied")]
    [InlineData("hatch", "incubating")]
    [InlineData("suspend", "hatched")]
    [InlineData("retire", "suspended")]
    public async Task Nobody_but_the_streets_coordinator_may_take_a_step(string action, string from)
    {
        var street = await Street.CreateAsync(service);
        var elsewhere = await Street.CreateAsync(service);
        var team = await TeamInAsync(street, from);

        foreach (var client in new[] { street.Admin, street.Branch, street.TeamClient(team.Id), elsewhere.Coordinator })
        {
            var response = await client.PostAsJsonAsync($"/api/teams/{team.Id}/{action}", new { reason = "越权" });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(from, (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.Status);
    }

    [Fact]
    public async Task An_application_waits_applied_then_is_taken_into_incubation_with_its_mentor()
    {
        var street = await Street.CreateAsync(service);

        var response = await street.Coordinator.PostAsJsonAsync("/api/teams/applications", street.NewTeam());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var applied = (await response.Content.ReadFromJsonAsync<TeamView>())!;
        Assert.Equal("applied", applied.Status);

        var incubating = (await (await street.Coordinator.PostAsJsonAsync($"/api/teams/{applied.Id}/incubate", new { mentor = "张社工" }))
            .Content.ReadFromJsonAsync<TeamView>())!;
        Assert.Equal(("incubating", "张社工", 2L), (incubating.Status, incubating.Mentor, incubating.Version));

        var history = (await street.Coordinator.GetFromJsonAsync<HistoryView[]>($"/api/teams/{applied.Id}/history"))!;
        Assert.Equal([(null, "applied", "coordinator"), ("applied", "incubating", "张社工")],
            history.Select(h => (h.FromStatus, h.ToStatus, h.Mentor)).ToArray());
        Assert.All(history, h => Assert.Equal("coordinator", h.Actor));
    }

    [Fact]
    public async Task Retiring_needs_a_reason_and_reaches_other_services_as_TeamSuspended_with_status_retired()
    {
        var street = await Street.CreateAsync(service);
        var team = await TeamInAsync(street, "hatched");

        var bare = await street.Coordinator.PostAsync($"/api/teams/{team.Id}/retire", null);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("reason", (await bare.Content.ReadFromJsonAsync<ProblemView>())!.Errors!.Keys);

        var retired = await street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/retire", new { reason = "队伍解散" });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);

        var relayed = await RelayedAsync("TeamSuspended", team.Id);
        Assert.Equal("retired", relayed.GetProperty("team").GetProperty("status").GetString());
        Assert.Equal(3, relayed.GetProperty("team").GetProperty("version").GetInt64());
        Assert.Equal("队伍解散", relayed.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Taking_an_applicant_into_incubation_is_relayed_as_TeamProfileChanged()
    {
        var street = await Street.CreateAsync(service);
        var team = await TeamInAsync(street, "incubating", apply: true);

        var relayed = await RelayedAsync("TeamProfileChanged", team.Id);

        Assert.Equal(("incubating", 2L), (relayed.GetProperty("team").GetProperty("status").GetString(), relayed.GetProperty("team").GetProperty("version").GetInt64()));
    }

    /// <summary>A fresh team brought to <paramref name="status"/> by the street's coordinator.</summary>
    private static async Task<TeamView> TeamInAsync(Street street, string status, bool apply = false)
    {
        if (status == "applied" || apply)
        {
            var applied = await Street.CreatedAsync<TeamView>(street.Coordinator.PostAsJsonAsync("/api/teams/applications", street.NewTeam()));
            if (status == "applied")
                return applied;
            (await street.Coordinator.PostAsync($"/api/teams/{applied.Id}/incubate", null)).EnsureSuccessStatusCode();
            return applied;
        }
        var team = await street.RegisterTeamAsync();
        foreach (var step in PathTo[status])
            (await street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/{step}", new { reason = "准备" })).EnsureSuccessStatusCode();
        return team;
    }

    private async Task<JsonElement> RelayedAsync(string type, Guid teamId)
    {
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        var body = await Eventually.ReturnsAsync(
            () => connection.QuerySingleOrDefaultAsync<string>("""
                select body::text from outbox_messages
                where message_type = @type and body->'team'->>'teamId' = @teamId and sent_at is not null
                order by (body->'team'->>'version')::bigint desc limit 1
                """, new { type, teamId = teamId.ToString() }),
            b => b is not null, because: $"the {type} row is relayed");
        return JsonDocument.Parse(body!).RootElement.Clone();
    }
}
