using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

[Collection(MatchingCollection.Name)]
public sealed class MatchingPlansTests(MatchingService service)
{
    [Fact]
    public async Task The_coordinator_plans_the_street_confirms_and_the_orders_go_out_directed()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var neighbour = await street.CommunityAsync("光州");
        // The greedy trap: the home team fits both needs best, but only the visit has another taker.
        var homeTeam = await street.TeamAsync(home, skills: ["入户探访", "理发"], capacity: 1);
        var streetTeam = await street.TeamAsync(neighbour, skills: ["入户探访"], area: "street", capacity: 1);
        var visit = await street.NeedAsync(home, skills: ["入户探访"]);
        var haircut = await street.NeedAsync(home, skills: ["理发"]);
        var nobody = await street.NeedAsync(home, category: "legal_aid", skills: []);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));

        var created = await coordinator.PostAsJsonAsync("/api/matching-plans", new { });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/matching-plans/{plan.GetProperty("id").GetGuid()}", created.Headers.Location!.OriginalString);
        Assert.Equal("proposed", plan.GetProperty("status").GetString());
        Assert.Equal(3, plan.GetProperty("needsCount").GetInt32());
        Assert.Equal(2, plan.GetProperty("matchedCount").GetInt32());
        var teamOf = plan.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("needId").GetGuid(), i => i.GetProperty("teamId").GetGuid());
        Assert.Equal(streetTeam.TeamId, teamOf[visit]);
        Assert.Equal(homeTeam.TeamId, teamOf[haircut]);
        Assert.Equal(nobody, Assert.Single(plan.GetProperty("unmatched").EnumerateArray()).GetProperty("needId").GetGuid());
        Assert.Contains("技能全部匹配", plan.GetProperty("items")[0].GetProperty("reason").GetString());

        var versionBefore = await street.QueryAsync<long>("select version from orders where need_id = @visit", new { visit });
        var confirm = await coordinator.PostAsync($"/api/matching-plans/{plan.GetProperty("id").GetGuid()}/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmed = await confirm.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, confirmed.GetProperty("directed").GetArrayLength());
        Assert.Equal(streetTeam.TeamId, await street.QueryAsync<Guid>("select target_team_id from orders where need_id = @visit", new { visit }));
        Assert.Equal(versionBefore + 1, await street.QueryAsync<long>("select version from orders where need_id = @visit", new { visit }));
        Assert.Equal(HttpStatusCode.OK, (await street.As(streetTeam).PostAsync($"/api/orders/{visit}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.As(homeTeam).PostAsync($"/api/orders/{haircut}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/matching-plans/{plan.GetProperty("id").GetGuid()}/confirm", null)).StatusCode);
    }

    [Fact]
    public async Task An_order_claimed_between_planning_and_confirming_is_skipped()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var team = await street.TeamAsync(home, capacity: 2);
        var taken = await street.NeedAsync(home);
        var open = await street.NeedAsync(home);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));
        var plan = await (await coordinator.PostAsJsonAsync("/api/matching-plans", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, plan.GetProperty("matchedCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await street.As(team).PostAsync($"/api/orders/{taken}/claim", null)).StatusCode);

        var confirmed = await (await coordinator.PostAsync($"/api/matching-plans/{plan.GetProperty("id").GetGuid()}/confirm", null))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal([open], confirmed.GetProperty("directed").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal([taken], confirmed.GetProperty("skipped").EnumerateArray().Select(e => e.GetGuid()));
    }

    [Fact]
    public async Task Only_the_streets_coordinator_or_an_admin_plans()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("定海");
        var team = await street.TeamAsync(home);
        await street.NeedAsync(home);
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));
        var otherCoordinator = service.ClientWithToken(TestTokens.Coordinator(Guid.NewGuid(), street.DistrictId));
        var admin = service.ClientWithToken(TestTokens.Admin());
        var plan = await (await coordinator.PostAsJsonAsync("/api/matching-plans", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var id = plan.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await street.As(team).PostAsJsonAsync("/api/matching-plans", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCoordinator.PostAsJsonAsync("/api/matching-plans", new { streetId = street.StreetId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync($"/api/matching-plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.PostAsync($"/api/matching-plans/{id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/matching-plans", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/matching-plans", new { streetId = street.StreetId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/matching-plans/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_plan_confirmed_while_teams_claim_and_accept_leaves_each_order_one_holder_and_no_team_over_capacity()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("沙河");
        var teams = new[] { await street.TeamAsync(home, capacity: 1), await street.TeamAsync(home, capacity: 1) };
        var needs = new[] { await street.NeedAsync(home), await street.NeedAsync(home), await street.NeedAsync(home) };
        var coordinator = service.ClientWithToken(TestTokens.Coordinator(street.StreetId, street.DistrictId));
        var plan = await (await coordinator.PostAsJsonAsync("/api/matching-plans", new { })).Content.ReadFromJsonAsync<JsonElement>();

        // The confirmation races every team claiming every order; then each team accepts whatever is directed to it.
        await Task.WhenAll(teams.SelectMany(t => needs.Select(n => street.As(t).PostAsync($"/api/orders/{n}/claim", null)))
            .Append(coordinator.PostAsync($"/api/matching-plans/{plan.GetProperty("id").GetGuid()}/confirm", null)));
        await Task.WhenAll(teams.SelectMany(t => needs.Select(n => street.As(t).PostAsync($"/api/orders/{n}/accept", null))));

        var held = (await street.QueryAsync<string>(
            "select coalesce(json_agg(json_build_object('team', team_id))::text, '[]') from orders where need_id = any(@needs) and team_id is not null", new { needs }));
        var holders = System.Text.Json.JsonDocument.Parse(held).RootElement.EnumerateArray().Select(h => h.GetProperty("team").GetGuid()).ToList();
        Assert.Equal(2, holders.Count); // two places for three orders
        Assert.All(teams, t => Assert.Single(holders, h => h == t.TeamId));
        foreach (var team in teams)
            Assert.Equal(1, await street.QueryAsync<int>("select open_orders from teams where team_id = @TeamId", new { team.TeamId }));
        Assert.Equal(2L, await street.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type = 'OrderClaimed' and (body->>'needId')::uuid = any(@needs)", new { needs }));
    }
}
