using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

[Collection(TeamsCollection.Name)]
public sealed class TeamsApiTests(TeamsService service)
{
    [Fact]
    public async Task Coordinator_registers_a_team_in_its_street_and_it_starts_incubating()
    {
        var street = await Street.CreateAsync(service);
        var body = street.NewTeam();

        var response = await street.Coordinator.PostAsJsonAsync("/api/teams", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var team = (await response.Content.ReadFromJsonAsync<TeamView>())!;
        Assert.Equal($"/api/teams/{team.Id}", response.Headers.Location?.ToString());
        Assert.Equal("incubating", team.Status);
        Assert.Equal((string)body["name"]!, team.Name);
        Assert.Equal((street.Community.Id, street.StreetId, street.DistrictId), (team.CommunityId, team.StreetId, team.DistrictId));
        Assert.Equal(["elderly_care", "health"], team.Categories);
        Assert.Equal("community", team.ServiceArea);
        Assert.Null(team.HatchedAt);
        // What the 201 said is exactly what is stored (records compare arrays by reference, so compare as JSON).
        var stored = await street.Coordinator.GetFromJsonAsync<TeamView>(response.Headers.Location);
        Assert.Equal(JsonSerializer.Serialize(team), JsonSerializer.Serialize(stored));
    }

    [Fact]
    public async Task A_category_listed_twice_in_a_roster_is_kept_once()
    {
        var street = await Street.CreateAsync(service);
        var body = street.NewTeam();
        body["categories"] = new[] { "child_welfare", "child_welfare" };

        var response = await street.Coordinator.PostAsJsonAsync("/api/teams", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["child_welfare"], (await response.Content.ReadFromJsonAsync<TeamView>())!.Categories);
    }

    [Fact]
    public async Task Coordinator_of_another_street_gets_403_and_nothing_is_stored()
    {
        var street = await Street.CreateAsync(service);
        var elsewhere = await Street.CreateAsync(service);
        var name = $"光明直通车-{Guid.NewGuid():N}"[..15];

        var response = await elsewhere.Coordinator.PostAsJsonAsync("/api/teams", street.NewTeam(name));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, (await ListAsync(street.Admin, $"streetId={street.StreetId}")).Total);
    }

    [Fact]
    public async Task Branches_and_teams_may_not_register_teams()
    {
        var street = await Street.CreateAsync(service);

        Assert.Equal(HttpStatusCode.Forbidden, (await street.Branch.PostAsJsonAsync("/api/teams", street.NewTeam())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.TeamClient(Guid.NewGuid()).PostAsJsonAsync("/api/teams", street.NewTeam())).StatusCode);
    }

    [Fact]
    public async Task Admin_may_register_a_team_in_any_district_and_street()
    {
        var first = await Street.CreateAsync(service);
        var second = await Street.CreateAsync(service);
        var admin = first.Admin; // bound to no street

        var inFirst = await Street.CreatedAsync<TeamView>(admin.PostAsJsonAsync("/api/teams", first.NewTeam()));
        var inSecond = await Street.CreatedAsync<TeamView>(admin.PostAsJsonAsync("/api/teams", second.NewTeam(communityId: second.Neighbour.Id)));

        Assert.Equal((first.DistrictId, first.StreetId, first.Community.Id), (inFirst.DistrictId, inFirst.StreetId, inFirst.CommunityId));
        Assert.Equal((second.DistrictId, second.StreetId, second.Neighbour.Id), (inSecond.DistrictId, inSecond.StreetId, inSecond.CommunityId));
        Assert.NotEqual(first.DistrictId, second.DistrictId);
    }

    [Fact]
    public async Task An_invalid_registration_gets_400_listing_every_field_and_stores_nothing()
    {
        var street = await Street.CreateAsync(service);
        var body = new Dictionary<string, object?>
        {
            ["name"] = new string('x', 101),
            ["kind"] = "club",
            ["communityId"] = Guid.NewGuid(),
            ["categories"] = new[] { "elderly_care", "elderly_care", "knitting" },
            ["skills"] = new[] { new string('s', 51) },
            ["capacity"] = 0,
            ["membersCount"] = 10001,
            ["leaderName"] = "",
            ["leaderPhone"] = "call me",
            ["serviceArea"] = "city",
        };

        var response = await street.Coordinator.PostAsJsonAsync("/api/teams", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemView>())!;
        Assert.Equal(
            ["capacity", "categories", "communityId", "kind", "leaderName", "leaderPhone", "membersCount", "name", "serviceArea", "skills"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Single(problem.Errors["categories"]); // the unknown key; a repeat alone is merged
        Assert.Equal(0, (await ListAsync(street.Admin, $"streetId={street.StreetId}")).Total);
    }

    [Fact]
    public async Task An_empty_registration_names_each_required_field()
    {
        var street = await Street.CreateAsync(service);

        var response = await street.Coordinator.PostAsJsonAsync("/api/teams", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemView>())!;
        Assert.Equal(
            ["capacity", "categories", "communityId", "kind", "leaderName", "leaderPhone", "name"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray()); // membersCount follows the member list, so it is not required
    }

    [Theory]
    [InlineData("name", "银龄\u202e锋先")]
    [InlineData("leaderName", "王\u2066队长")]
    [InlineData("name", "银龄\u0000先锋")]
    public async Task A_team_or_leader_name_with_an_invisible_or_control_character_is_a_400_and_stores_nothing(string field, string value)
    {
        var street = await Street.CreateAsync(service);
        var body = street.NewTeam();
        body[field] = value;

        var response = await street.Coordinator.PostAsJsonAsync("/api/teams", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task The_same_name_twice_in_one_street_gets_409()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        // Another community of the same street counts too: names are unique in the whole district.
        var response = await street.Coordinator.PostAsJsonAsync("/api/teams", street.NewTeam(team.Name, street.Neighbour.Id));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, (await ListAsync(street.Admin, $"streetId={street.StreetId}")).Total);
    }

    [Fact]
    public async Task Coordinator_hatches_then_suspends_then_reinstates_a_team_and_history_records_each_step()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        var hatched = await OkAsync(street.Coordinator.PostAsync($"/api/teams/{team.Id}/hatch", null));
        Assert.Equal("hatched", hatched.Status);
        Assert.NotNull(hatched.HatchedAt);

        var suspended = await OkAsync(street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/suspend", new { reason = "队长联系不上" }));
        Assert.Equal("suspended", suspended.Status);

        var reinstated = await OkAsync(street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/hatch", new { reason = "已整改", mentor = "李社工" }));
        Assert.Equal("hatched", reinstated.Status);
        Assert.Equal(hatched.HatchedAt, reinstated.HatchedAt);
        Assert.Equal("李社工", reinstated.Mentor);

        var history = (await street.Branch.GetFromJsonAsync<HistoryView[]>($"/api/teams/{team.Id}/history"))!;
        Assert.Equal(
            [
                (null, "incubating", "coordinator", null, "coordinator"),
                ("incubating", "hatched", "coordinator", null, "coordinator"),
                ("hatched", "suspended", "coordinator", "队长联系不上", "coordinator"),
                ("suspended", "hatched", "coordinator", "已整改", "李社工"),
            ],
            history.Select(h => (h.FromStatus, h.ToStatus, h.Actor, h.Reason, h.Mentor)).ToArray());
    }

    [Fact]
    public async Task An_incubating_team_may_be_suspended_without_a_reason()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        var suspended = await OkAsync(street.Coordinator.PostAsync($"/api/teams/{team.Id}/suspend", null));

        Assert.Equal("suspended", suspended.Status);
    }

    [Fact]
    public async Task Hatching_a_hatched_team_or_suspending_a_suspended_one_gets_409_naming_its_status()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        await OkAsync(street.Coordinator.PostAsync($"/api/teams/{team.Id}/hatch", null));

        var again = await street.Coordinator.PostAsync($"/api/teams/{team.Id}/hatch", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("hatched", (await again.Content.ReadFromJsonAsync<ProblemView>())!.Detail);

        await OkAsync(street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/suspend", new { reason = "x" }));
        var twice = await street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/suspend", new { reason = "y" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("suspended", (await twice.Content.ReadFromJsonAsync<ProblemView>())!.Detail);
    }

    [Fact]
    public async Task Only_the_streets_coordinator_hatches_or_suspends()
    {
        var street = await Street.CreateAsync(service);
        var elsewhere = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        foreach (var client in new[] { street.Branch, street.TeamClient(team.Id), elsewhere.Coordinator, street.Admin })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/teams/{team.Id}/hatch", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/teams/{team.Id}/suspend", new { reason = "x" })).StatusCode);
        }
        Assert.Equal("incubating", (await street.Admin.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Coordinator.PostAsync($"/api/teams/{Guid.NewGuid()}/hatch", null)).StatusCode);
    }

    [Fact]
    public async Task Leader_contact_is_shown_to_the_coordinator_admin_and_the_team_itself_only()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();
        var elsewhere = await Street.CreateAsync(service);

        async Task<TeamView> SeenBy(HttpClient client) => (await client.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!;

        foreach (var client in new[] { street.Coordinator, street.Admin, street.TeamClient(team.Id) })
            Assert.Equal(("王建国", "138-0000-1234"), ((await SeenBy(client)).LeaderName, (await SeenBy(client)).LeaderPhone));
        foreach (var client in new[] { street.Branch, street.TeamClient(other.Id), elsewhere.Coordinator })
        {
            var seen = await SeenBy(client);
            Assert.Equal(team.Name, seen.Name);
            Assert.Null(seen.LeaderName);
            Assert.Null(seen.LeaderPhone);
        }
        var listed = await ListAsync(street.Branch, $"streetId={street.StreetId}");
        Assert.All(listed.Items, t => Assert.Null(t.LeaderPhone));
    }

    [Fact]
    public async Task Listing_filters_by_status_community_category_and_text_ordered_by_name()
    {
        var street = await Street.CreateAsync(service);
        var b = await street.RegisterTeamAsync("B 助老队");
        var a = await street.RegisterTeamAsync("A 助老队");
        var neighbour = street.NewTeam("C 防诈宣传队", street.Neighbour.Id);
        neighbour["categories"] = new[] { "anti_fraud" };
        var c = await Street.CreatedAsync<TeamView>(street.Coordinator.PostAsJsonAsync("/api/teams", neighbour));
        await OkAsync(street.Coordinator.PostAsync($"/api/teams/{b.Id}/hatch", null));

        Assert.Equal([a.Id, b.Id, c.Id], (await ListAsync(street.Branch, $"streetId={street.StreetId}")).Items.Select(t => t.Id));
        Assert.Equal([b.Id], (await ListAsync(street.Branch, $"streetId={street.StreetId}&status=hatched")).Items.Select(t => t.Id));
        Assert.Equal([c.Id], (await ListAsync(street.Branch, $"communityId={street.Neighbour.Id}")).Items.Select(t => t.Id));
        Assert.Equal([c.Id], (await ListAsync(street.Branch, $"streetId={street.StreetId}&category=anti_fraud")).Items.Select(t => t.Id));
        Assert.Equal([a.Id, b.Id], (await ListAsync(street.Branch, $"streetId={street.StreetId}&q=助老")).Items.Select(t => t.Id));

        var second = await ListAsync(street.Branch, $"streetId={street.StreetId}&page=2&pageSize=2");
        Assert.Equal(3, second.Total);
        Assert.Equal([c.Id], second.Items.Select(t => t.Id));
    }

    [Theory]
    [InlineData("status=sleeping")]
    [InlineData("category=knitting")]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    [InlineData("communityId=not-a-guid")]
    [InlineData("page=abc")]
    public async Task Bad_query_values_get_400(string query)
    {
        var response = await service.ClientWithToken(TestTokens.Admin()).GetAsync($"/api/teams?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task History_is_visible_in_the_teams_street_and_to_an_admin_only()
    {
        var street = await Street.CreateAsync(service);
        var elsewhere = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();

        Assert.Equal(HttpStatusCode.OK, (await street.Branch.GetAsync($"/api/teams/{team.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.Admin.GetAsync($"/api/teams/{team.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Coordinator.GetAsync($"/api/teams/{team.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Admin.GetAsync($"/api/teams/{Guid.NewGuid()}")).StatusCode);
    }

    private static async Task<TeamPage> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<TeamPage>($"/api/teams?{query}"))!;

    private static async Task<TeamView> OkAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TeamView>())!;
    }
}
