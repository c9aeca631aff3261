using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Testing;
using Npgsql;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>The service list (服务清单): edits by the team or its street's coordinator, each published; and searching it.</summary>
[Collection(TeamsCollection.Name)]
public sealed class ServiceListApiTests(TeamsService service)
{
    [Fact]
    public async Task The_coordinator_edits_a_service_list_and_TeamProfileChanged_carries_the_next_version()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        var response = await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new
        {
            categories = new[] { "health", "counselling" },
            skills = new[] { "心理疏导" },
            serviceArea = "street",
            capacity = 5,
            availability = new[] { "evenings", "weekends" },
            membersCount = 25,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = (await response.Content.ReadFromJsonAsync<TeamView>())!;
        Assert.Equal(["health", "counselling"], edited.Categories);
        Assert.Equal(["weekends", "evenings"], edited.Availability); // kept in one order: weekdays, weekends, evenings
        Assert.Equal(("street", 5, 25, 2L, team.Name, "王建国"), (edited.ServiceArea, edited.Capacity, edited.MembersCount, edited.Version, edited.Name, edited.LeaderName));
        Assert.Equal(5, edited.CapacityCeiling); // the coordinator's own raise of the capacity raises the ceiling with it

        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<long>("""
            select count(*) from outbox_messages
            where message_type = 'TeamProfileChanged' and body->'team'->>'teamId' = @id and (body->'team'->>'version')::int = 2
              and body->'team'->>'capacity' = '5' and sent_at is not null
            """, new { id = team.Id.ToString() }) == 1, because: "the edit is relayed as TeamProfileChanged");
    }

    [Fact]
    public async Task An_invalid_edit_gets_400_and_changes_nothing()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        var response = await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 0, categories = new[] { "knitting" }, availability = new[] { "mornings" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["availability", "capacity", "categories"],
            (await response.Content.ReadFromJsonAsync<ProblemView>())!.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.Version);
    }

    [Fact]
    public async Task Others_may_not_edit_and_a_retired_team_is_not_edited()
    {
        var street = await Street.CreateAsync(service);
        var elsewhere = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();

        foreach (var client in new[] { street.Branch, street.TeamClient(other.Id), elsewhere.Coordinator })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 4 })).StatusCode);

        (await street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/retire", new { reason = "解散" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 4 })).StatusCode);
    }

    [Fact]
    public async Task Renaming_to_a_name_the_district_has_gets_409()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();

        var response = await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { name = other.Name });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Search_combines_status_community_category_skill_and_name_text_paged()
    {
        var street = await Street.CreateAsync(service);
        var signLanguage = street.NewTeam("手语助残队");
        signLanguage["categories"] = new[] { "disability_support" };
        signLanguage["skills"] = new[] { "手语", "陪诊" };
        var a = await Street.CreatedAsync<TeamView>(street.Coordinator.PostAsJsonAsync("/api/teams", signLanguage));
        var b = await street.RegisterTeamAsync("银龄助老队");
        var neighbour = street.NewTeam("光州助老队", street.Neighbour.Id);
        neighbour["skills"] = new[] { "陪诊" };
        var c = await Street.CreatedAsync<TeamView>(street.Coordinator.PostAsJsonAsync("/api/teams", neighbour));
        (await street.Coordinator.PostAsync($"/api/teams/{c.Id}/hatch", null)).EnsureSuccessStatusCode();

        async Task<Guid[]> Found(string query) =>
            (await street.Branch.GetFromJsonAsync<TeamPage>($"/api/teams?streetId={street.StreetId}&{query}"))!.Items.Select(t => t.Id).ToArray();

        Assert.Equal([a.Id, c.Id], (await Found("skill=陪诊")).Order());
        Assert.Equal([c.Id], await Found("skill=陪诊&status=hatched"));
        Assert.Equal([a.Id], await Found("skill=陪诊&category=disability_support"));
        Assert.Equal([c.Id], await Found($"q=助老&communityId={street.Neighbour.Id}"));
        Assert.Equal([b.Id], await Found("q=银龄"));
        Assert.Empty(await Found("status=retired"));
        var page = (await street.Branch.GetFromJsonAsync<TeamPage>($"/api/teams?streetId={street.StreetId}&q=助&pageSize=1&page=2"))!;
        Assert.Equal(3, page.Total);
        Assert.Single(page.Items);
    }
}
