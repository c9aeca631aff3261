using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Needs.Tests.Apis;

/// <summary>The resident's contact name, phone and exact address never leave the service in an event, and reach only who may see them.</summary>
[Collection(NeedsCollection.Name)]
public sealed class PrivacyTests(NeedsService service)
{
    private const string Name = "李奶奶";
    private const string Phone = "13977776666";
    private const string Address = "汇泉小区3号楼2单元";

    // Every event type the needs service writes; the test fails if one is added without being checked here.
    private static readonly string[] EventTypes = [nameof(NeedPublished), nameof(NeedUpdated), nameof(NeedCancelled), nameof(NeedRated)];

    [Fact]
    public async Task No_event_the_service_writes_carries_the_contact_name_phone_or_address()
    {
        var community = new Community(service);
        using var branch = community.Branch();
        var teamId = Guid.NewGuid();
        object Body(string title) => Personal(Community.NeedBody(title));

        // NeedUpdated and NeedPublished (directed, through the publish body), then NeedCancelled with a reason naming the resident.
        var edited = await community.DraftAsync(Body("陪伴聊天"));
        await branch.PutAsJsonAsync($"/api/needs/{edited}", Body("陪伴聊天与读报"));
        await branch.PostAsJsonAsync($"/api/needs/{edited}/publish", new { targetTeamId = teamId });
        await branch.PostAsJsonAsync($"/api/needs/{edited}/cancel", new { reason = $"{Name}搬离{Address}，电话{Phone}已停用" });
        // NeedPublished by import and publish-all, then NeedRated with a comment naming the resident.
        var file = $"标题,类别,人数,开始时间,结束时间,地址,联系人,联系电话\n上门理发,elderly_care,1,2030-01-01 09:00,2030-01-01 10:00,{Address},{Name},{Phone}\n";
        var import = (await (await branch.PostAsync("/api/needs/import", new StringContent(file, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var rated = Guid.Parse(import["rows"]![0]!["needId"]!.GetValue<string>());
        await branch.PostAsync("/api/needs/publish-all", null);
        await community.PublishAsync(new OrderCompleted(rated, teamId, 1, 1, "理发完成", DateTimeOffset.UtcNow, 4));
        await community.WaitForStatusAsync(rated, "completed");
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsJsonAsync($"/api/needs/{rated}/rating",
            new { score = 5, comment = $"{Name}很满意，{Phone}回访过" })).StatusCode);

        var events = (await community.QueryAsync<string>("""
            select coalesce(json_agg(json_build_object('type', message_type, 'body', body))::text, '[]') from outbox_messages
            where body->>'needId' = any(@ids)
            """, new { ids = new[] { edited.ToString(), rated.ToString() } }));
        var bodies = JsonNode.Parse(events)!.AsArray();
        Assert.Equal(EventTypes.Order(), bodies.Select(e => e!["type"]!.GetValue<string>()).Distinct().Order());
        foreach (var evt in bodies)
        {
            var body = evt!["body"]!.AsObject();
            foreach (var key in new[] { "contactName", "contactPhone", "address", "description" })
                Assert.False(body.ContainsKey(key), $"{evt["type"]} must not carry {key}");
            var text = body.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var personal in new[] { Name, Phone, Address })
                Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
        // The branch's own copy keeps what it wrote.
        Assert.Contains(Name, (await community.NeedAsync(edited))["cancelReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_naming_the_resident_is_refused_because_every_team_reads_titles_in_the_hall()
    {
        var community = new Community(service);
        using var branch = community.Branch();

        var response = await branch.PostAsJsonAsync("/api/needs", Personal(Community.NeedBody($"为{Name}陪伴聊天")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("title"));
    }

    [Fact]
    public async Task Only_the_branch_the_streets_coordinator_and_the_holding_team_read_the_contact()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        var holder = Guid.NewGuid();
        using var holding = community.Team(holder);
        using var other = community.Team(Guid.NewGuid());
        using var branch = community.Branch();
        using var coordinator = community.Coordinator();
        var elsewhere = new Community(service);
        using var otherBranch = elsewhere.Branch();
        using var otherCoordinator = elsewhere.Coordinator();

        Assert.Equal(HttpStatusCode.NotFound, (await holding.GetAsync($"/api/needs/{id}")).StatusCode);
        await community.PublishAsync(new OrderClaimed(id, holder, DateTimeOffset.UtcNow, 2));
        await community.WaitForStatusAsync(id, "claimed");

        Assert.Equal("李奶奶", (await holding.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!["contactName"]!.GetValue<string>());
        Assert.Equal("李奶奶", (await branch.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!["contactName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await otherBranch.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Equal("李奶奶", (await coordinator.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!["contactName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/needs/{id}")).StatusCode);
        using var admin = community.Admin();
        var adminView = (await admin.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!;
        Assert.Equal(id.ToString(), adminView["id"]!.GetValue<string>());
        Assert.All(new[] { "contactName", "contactPhone", "address" }, field => Assert.Null(adminView[field]));
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/needs")).StatusCode);

        // Released: the team no longer holds it, so it no longer sees who lives where.
        await community.PublishAsync(new OrderReleased(id, holder, "人手不足", DateTimeOffset.UtcNow, 3));
        await community.WaitForStatusAsync(id, "published");
        Assert.Equal(HttpStatusCode.NotFound, (await holding.GetAsync($"/api/needs/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_team_no_longer_reads_the_need_once_the_branch_cancels_its_order()
    {
        var community = new Community(service);
        var (id, holder, team) = await ClaimedAsync(community);
        using var branch = community.Branch();

        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "老人已住院" })).StatusCode);

        await AssertNoContactAsync(team, id, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync($"/api/needs/{id}/timeline")).StatusCode);
        Assert.Equal(holder.ToString(), (await community.NeedAsync(id))["claimedByTeamId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_team_that_lost_its_order_to_another_team_no_longer_reads_it()
    {
        var community = new Community(service);
        var (id, _, team) = await ClaimedAsync(community);
        var successor = Guid.NewGuid();
        using var successorClient = community.Team(successor);

        // A reassignment or a transfer: the order's newer claim names another team.
        await community.PublishAsync(new OrderClaimed(id, successor, DateTimeOffset.UtcNow, 4));
        await Eventually.TrueAsync(async () => (await community.NeedAsync(id))["claimedByTeamId"]?.GetValue<string>() == successor.ToString());

        await AssertNoContactAsync(team, id, HttpStatusCode.NotFound);
        Assert.Equal(Phone, (await successorClient.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!["contactPhone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_completed_order_shows_its_team_the_contact_for_seven_days_then_not()
    {
        var community = new Community(service);
        var (recent, holder, team) = await ClaimedAsync(community);
        var (old, _, _) = await ClaimedAsync(community, holder);

        await community.PublishAsync(new OrderCompleted(recent, holder, 2, 2, "陪同就医", DateTimeOffset.UtcNow.AddDays(-6.9), 3));
        await community.PublishAsync(new OrderCompleted(old, holder, 2, 2, "陪同就医", DateTimeOffset.UtcNow.AddDays(-7.1), 3));
        await community.WaitForStatusAsync(recent, "completed");
        await community.WaitForStatusAsync(old, "completed");

        Assert.Equal(Phone, (await team.GetFromJsonAsync<JsonObject>($"/api/needs/{recent}"))!["contactPhone"]!.GetValue<string>());
        // Still its own served order (the summary, the rating), but the resident's details are gone.
        await AssertNoContactAsync(team, old, HttpStatusCode.OK);
        Assert.Equal("陪同就医", (await team.GetFromJsonAsync<JsonObject>($"/api/needs/{old}"))!["completionSummary"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_suspended_or_retired_team_no_longer_reads_the_contact_of_an_order_it_still_holds()
    {
        var community = new Community(service);
        var (id, holder, team) = await ClaimedAsync(community);
        var profile = new TeamProfile(holder, "银龄先锋", "volunteer_team", community.Id, community.StreetId, community.DistrictId,
            ["elderly_care"], ["陪伴聊天"], "community", 3, 12, "suspended", DateTimeOffset.UtcNow, 5);

        await community.PublishAsync(new TeamSuspended(profile, "服务投诉待核查", DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await team.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!["contactPhone"] is null,
            because: "the suspension should hide the contact");
        await AssertNoContactAsync(team, id, HttpStatusCode.OK);

        // Reinstated (hatched again), it reads it again; retired, never again — not even after an older event arrives late.
        await community.PublishAsync(new TeamHatched(profile with { Status = "hatched", Version = 6 }, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(async () => (await team.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!["contactPhone"] is not null,
            because: "the reinstatement should show the contact again");
        var late = Guid.NewGuid();
        await community.PublishAsync(new TeamSuspended(profile with { Status = "retired", Version = 7 }, "队伍解散", DateTimeOffset.UtcNow));
        await community.PublishAsync(new TeamHatched(profile with { Status = "hatched", Version = 6 }, DateTimeOffset.UtcNow), late);
        await community.WaitForAsync("select count(*) from inbox_messages where message_id = @late", new { late });
        await AssertNoContactAsync(team, id, HttpStatusCode.OK);
    }

    /// <summary>A published need of <paramref name="community"/> claimed (by the event matching sends) by a team, and that team's client.</summary>
    private static async Task<(Guid Need, Guid Team, HttpClient Client)> ClaimedAsync(Community community, Guid? teamId = null)
    {
        var id = await community.DraftAsync(Personal(Community.NeedBody()));
        using (var branch = community.Branch())
            Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{id}/publish", null)).StatusCode);
        var holder = teamId ?? Guid.NewGuid();
        await community.PublishAsync(new OrderClaimed(id, holder, DateTimeOffset.UtcNow, 2));
        await community.WaitForStatusAsync(id, "claimed");
        var client = community.Team(holder);
        Assert.Equal(Phone, (await client.GetFromJsonAsync<JsonObject>($"/api/needs/{id}"))!["contactPhone"]!.GetValue<string>());
        return (id, holder, client);
    }

    /// <summary>The team's read of the need answers <paramref name="status"/> and carries none of the resident's details.</summary>
    private static async Task AssertNoContactAsync(HttpClient team, Guid id, HttpStatusCode status)
    {
        var response = await team.GetAsync($"/api/needs/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        foreach (var personal in new[] { Name, Phone, Address })
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
    }

    private static JsonObject Personal(object body)
    {
        var json = JsonSerializer(body);
        json["contactName"] = Name;
        json["contactPhone"] = Phone;
        json["address"] = Address;
        return json;
    }

    private static JsonObject JsonSerializer(object body) => System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
}
