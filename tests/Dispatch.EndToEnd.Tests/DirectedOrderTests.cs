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

    private static Task<ApiResponse> HallOfAsync(GatewayClient team, Guid needId, bool expected) =>
        Eventually.ReturnsAsync(() => team.GetAsync("/api/orders/hall"),
            r => r.Status == HttpStatusCode.OK && r.Body!.HasNeed(needId) == expected, TimeSpan.FromSeconds(30), "the hall should show the order");
}
