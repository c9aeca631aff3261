using System.Net;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>派单 to one named team: it declines, the order opens to every eligible team, another claims it from the hall.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class DirectedOrderTests(DispatchSystem system)
{
    private const string Phone = "13900002468";
    private const string ContactName = "赵爷爷";
    private const string Address = "文昌小区7号楼1单元";

    [Fact]
    public async Task A_directed_order_declined_by_its_team_is_claimed_by_another_from_the_open_hall()
    {
        using var street = await new StreetBuilder(system.Gateway, "wenchang").Community("文昌社区")
            .Team(new TeamPlan("文昌助老队") { Capacity = 3 }).Team(new TeamPlan("银发志愿服务队") { Capacity = 3 }).BuildAsync();
        var (named, other, branch) = (street.Teams[0].Client, street.Teams[1].Client, street.Branch);
        var teamIds = street.TeamIds;

        // 派单 to the first team only.
        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title = "陪独居老人聊天", category = "elderly_care", volunteersNeeded = 1, skills = new[] { "陪伴聊天" },
            startsAt = DateTime.UtcNow.AddDays(2), endsAt = DateTime.UtcNow.AddDays(2).AddHours(2),
            address = Address, contactName = ContactName, contactPhone = Phone,
        });
        var needId = need.Id();
        var published = await branch.PostAsync($"/api/needs/{needId}/publish", new { targetTeamId = teamIds[0] });
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Equal(teamIds[0].ToString(), published.Body!["targetTeamId"]!.GetValue<string>());

        // Only the named team sees it; the other can neither see nor claim it.
        await HallOfAsync(named, needId, expected: true);
        Assert.False((await other.GetAsync("/api/orders/hall")).Body!.HasNeed(needId));
        var refused = await other.PostAsync($"/api/orders/{needId}/claim");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("directed to another team", refused.Text, StringComparison.Ordinal);

        // The named team declines: the order opens to every eligible team, and the branch sees it.
        Assert.Equal(HttpStatusCode.OK, (await named.PostAsync($"/api/orders/{needId}/decline", new { reason = "本周人手不足" })).Status);
        var openHall = await HallOfAsync(other, needId, expected: true);
        await Eventually.ReturnsAsync(() => branch.GetAsync($"/api/needs/{needId}"),
            r => r.Body?["targetTeamId"] is null && r.Body?["status"]?.GetValue<string>() == "published", TimeSpan.FromSeconds(30),
            "the branch should see the order opened to all");

        // Another team claims it from the open hall; now it, and only it, reads the contact.
        var claim = await other.PostAsync($"/api/orders/{needId}/claim");
        Assert.Equal(HttpStatusCode.OK, claim.Status);
        var held = await Eventually.ReturnsAsync(() => other.GetAsync($"/api/needs/{needId}"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the claiming team should see its need");
        Assert.Equal(Phone, held.Body!["contactPhone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await named.GetAsync($"/api/needs/{needId}")).Status);
        var claimed = await Eventually.ReturnsAsync(() => branch.GetAsync($"/api/needs/{needId}"),
            r => r.Body?["status"]?.GetValue<string>() == "claimed", TimeSpan.FromSeconds(30), "the branch should see the claim");
        Assert.Equal(teamIds[1].ToString(), claimed.Body!["claimedByTeamId"]!.GetValue<string>());
        var timeline = (await branch.GetAsync($"/api/needs/{needId}/timeline")).Body!.AsArray();
        Assert.Contains(timeline, e => e!["actor"]!.GetValue<string>() == teamIds[0].ToString() && e["reason"]?.GetValue<string>() == "本周人手不足");

        // Neither hall ever showed the resident.
        foreach (var text in new[] { openHall.Text, (await named.GetAsync("/api/orders/hall")).Text })
            foreach (var personal in new[] { Phone, ContactName, Address })
                Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_branch_cannot_direct_an_order_to_a_team_of_another_street_which_never_sees_the_resident()
    {
        using var home = await new StreetBuilder(system.Gateway, "directed-home").Team(new TeamPlan("本街助老队")).BuildAsync();
        using var away = await new StreetBuilder(system.Gateway, "directed-away").Team(new TeamPlan("外街助老队") { ServiceArea = "district" }).BuildAsync();
        var stranger = away.Teams[0];
        await MatchingKnowsAsync(home);
        await MatchingKnowsAsync(away);

        var needId = await home.PublishNeedAsync("陪老人去医院", targetTeamId: stranger.Id);

        // The named team may not take it: it cannot accept it, never sees it, never reads the resident.
        var accept = await Eventually.ReturnsAsync(() => stranger.Client.PostAsync($"/api/orders/{needId}/accept"),
            r => r.Status != HttpStatusCode.NotFound, TimeSpan.FromSeconds(30), "the order should reach matching");
        Assert.Equal(HttpStatusCode.Forbidden, accept.Status);
        Assert.False((await stranger.Client.GetAsync("/api/orders/hall")).Body!.HasNeed(needId));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/needs/{needId}")).Status);
        // It is open to the branch's own street instead, and its timeline says why.
        await HallOfAsync(home.Teams[0].Client, needId, expected: true);
        await AssertOpenedToAllAsync(home, needId, stranger.Id);
    }

    [Fact]
    public async Task A_directed_order_to_an_unknown_team_or_to_one_outside_its_service_list_opens_to_every_eligible_team()
    {
        using var street = await new StreetBuilder(system.Gateway, "directed-misfit")
            .Team(new TeamPlan("助老队")).Team(new TeamPlan("健康服务队") { Categories = ["health"] }).BuildAsync();
        var (fitting, misfit) = (street.Teams[0], street.Teams[1]);
        await MatchingKnowsAsync(street);
        await MatchingKnowsAsync(street, team: 1, category: "health");

        var toNobody = await street.PublishNeedAsync("陪老人散步", targetTeamId: Guid.NewGuid());
        var toMisfit = await street.PublishNeedAsync("陪老人聊天", targetTeamId: misfit.Id);

        await HallOfAsync(fitting.Client, toNobody, expected: true);
        await HallOfAsync(fitting.Client, toMisfit, expected: true);
        Assert.Equal(HttpStatusCode.Forbidden, (await misfit.Client.PostAsync($"/api/orders/{toMisfit}/accept")).Status);
        await AssertOpenedToAllAsync(street, toMisfit, misfit.Id);
    }

    [Fact]
    public async Task A_coordinator_may_direct_an_order_past_a_teams_service_list_inside_its_street_and_the_timeline_says_so()
    {
        using var street = await new StreetBuilder(system.Gateway, "directed-coordinator")
            .Team(new TeamPlan("健康服务队") { Categories = ["health"] }).BuildAsync();
        using var away = await new StreetBuilder(system.Gateway, "directed-coordinator-away").Team(new TeamPlan("外街助老队")).BuildAsync();
        var chosen = street.Teams[0];
        await MatchingKnowsAsync(street, category: "health");
        await MatchingKnowsAsync(away);
        var needId = await street.PublishNeedAsync("陪老人复诊");
        await Eventually.TrueAsync(async () => (await street.Coordinator.GetAsync("/api/stats/unclaimed")).Text.Contains(needId.ToString(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the order should reach matching");

        var elsewhere = await street.Coordinator.PostAsync($"/api/orders/{needId}/direct", new { teamId = away.Teams[0].Id });
        var fromAway = await away.Coordinator.PostAsync($"/api/orders/{needId}/direct", new { teamId = away.Teams[0].Id });
        var byBranch = await street.Branch.PostAsync($"/api/orders/{needId}/direct", new { teamId = chosen.Id });
        var directed = await street.Coordinator.PostAsync($"/api/orders/{needId}/direct", new { teamId = chosen.Id, reason = "医生随行更稳妥" });

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.Status);
        Assert.Equal(HttpStatusCode.NotFound, fromAway.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byBranch.Status);
        Assert.Equal(HttpStatusCode.OK, directed.Status);
        await HallOfAsync(chosen.Client, needId, expected: true);
        Assert.Equal(HttpStatusCode.OK, (await chosen.Client.PostAsync($"/api/orders/{needId}/accept")).Status);
        var held = await Eventually.ReturnsAsync(() => chosen.Client.GetAsync($"/api/needs/{needId}"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the accepting team should read its need");
        Assert.Equal("13900001111", held.Body!["contactPhone"]!.GetValue<string>());
        // OrderDirected and OrderClaimed reach the needs service on different queues: the timeline has the direction once it arrives.
        await Eventually.ReturnsAsync(async () => (await street.Branch.GetAsync($"/api/needs/{needId}/timeline")).Body!.AsArray(),
            timeline => timeline.Any(e => e!["actor"]!.GetValue<string>() == street.CoordinatorUsername
                && e["reason"]?.GetValue<string>() == $"directed to team {chosen.Id} by the coordinator, outside the team's service list: 医生随行更稳妥"),
            TimeSpan.FromSeconds(30), "the timeline should say who directed the order past the service list, and why");
    }

    /// <summary>The branch's need names no team any more, and its timeline says the named one may not take it.</summary>
    private static async Task AssertOpenedToAllAsync(TestStreet street, Guid needId, Guid namedTeam)
    {
        var need = await Eventually.ReturnsAsync(() => street.Branch.GetAsync($"/api/needs/{needId}"), r => r.Body?["targetTeamId"] is null,
            TimeSpan.FromSeconds(30), "the branch should see the order opened to every eligible team");
        Assert.Equal("published", need.Body!["status"]!.GetValue<string>());
        var timeline = (await street.Branch.GetAsync($"/api/needs/{needId}/timeline")).Body!.AsArray();
        Assert.Contains(timeline, e => e!["reason"]?.GetValue<string>() == $"not directed: team {namedTeam} may not take this order");
    }

    /// <summary>Teams and communities reach matching by events: waits until the street's team sees a probe need of its category.</summary>
    private static async Task MatchingKnowsAsync(TestStreet street, int team = 0, string category = "elderly_care")
    {
        var probe = await street.PublishNeedAsync("探路", category: category);
        await HallOfAsync(street.Teams[team].Client, probe, expected: true);
        await street.Branch.PostAsync($"/api/needs/{probe}/cancel", new { reason = "probe" });
    }

    private static Task<ApiResponse> HallOfAsync(GatewayClient team, Guid needId, bool expected) =>
        Eventually.ReturnsAsync(() => team.GetAsync("/api/orders/hall"),
            r => r.Status == HttpStatusCode.OK && r.Body!.HasNeed(needId) == expected, TimeSpan.FromSeconds(30), "the hall should show the order");
}
