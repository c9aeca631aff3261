using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dispatch.Contracts;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dispatch.Needs.Tests.Consumers;

/// <summary>The order's progress, published on the real bus as the matching service would, mirrored onto the need.</summary>
[Collection(NeedsCollection.Name)]
public sealed class OrderMirroringTests(NeedsService service)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Claimed_then_completed_ends_completed_and_the_rating_names_the_team()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        var teamId = Guid.NewGuid();

        await community.PublishAsync(new OrderClaimed(id, teamId, Now, 2));
        await community.WaitForStatusAsync(id, "claimed");
        await community.PublishAsync(new OrderCompleted(id, teamId, 4.5m, 3, "陪伴聊天两次", Now.AddHours(2), 4));
        await community.WaitForStatusAsync(id, "completed");

        var need = await community.NeedAsync(id);
        Assert.Equal(teamId.ToString(), need["claimedByTeamId"]!.GetValue<string>());
        Assert.Equal(4.5m, need["serviceHours"]!.GetValue<decimal>());
        Assert.Equal(3, need["volunteersCount"]!.GetValue<int>());
        Assert.Equal("陪伴聊天两次", need["completionSummary"]!.GetValue<string>());
        using var branch = community.Branch();
        var rated = await branch.PostAsJsonAsync($"/api/needs/{id}/rating", new { score = 5, comment = "服务周到" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var closed = (await rated.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("closed", closed["status"]!.GetValue<string>());
        Assert.Equal(5, closed["rating"]!["score"]!.GetValue<int>());
        Assert.Equal(teamId.ToString(), await community.QueryAsync<string>(
            "select body->>'teamId' from outbox_messages where message_type = 'NeedRated' and body->>'needId' = @id", new { id = id.ToString() }));
        var timeline = await community.TimelineAsync(id);
        Assert.Equal(["draft", "published", "claimed", "completed", "closed"], timeline.Select(e => e!["toStatus"]!.GetValue<string>()));
        Assert.Equal(teamId.ToString(), timeline[2]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reassignment_publishes_the_need_again_directed_to_the_new_team_with_the_coordinators_reason()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        var suspended = Guid.NewGuid();
        var next = Guid.NewGuid();
        await community.PublishAsync(new OrderClaimed(id, suspended, Now, 2));
        await community.WaitForStatusAsync(id, "claimed");

        await community.PublishAsync(new OrderReassigned(id, suspended, "claimed", next, "队伍暂停整改", "wenchang-coordinator", Now.AddMinutes(5), 3));
        await Eventually.TrueAsync(async () => (await community.NeedAsync(id))["targetTeamId"]?.GetValue<string>() == next.ToString());

        var need = await community.NeedAsync(id);
        Assert.Equal("published", need["status"]!.GetValue<string>());
        Assert.Null(need["claimedByTeamId"]);
        var step = (await community.TimelineAsync(id)).Last()!;
        Assert.Equal(("claimed", "published", "wenchang-coordinator"),
            (step["fromStatus"]!.GetValue<string>(), step["toStatus"]!.GetValue<string>(), step["actor"]!.GetValue<string>()));
        Assert.Equal($"reassigned from team {suspended} to team {next}: 队伍暂停整改", step["reason"]!.GetValue<string>());

        // Back to the hall: directed to no one; the new team's claim then names it.
        await community.PublishAsync(new OrderReassigned(id, next, "published", null, "该队无法承接", "wenchang-coordinator", Now.AddMinutes(6), 4));
        await Eventually.TrueAsync(async () => (await community.TimelineAsync(id)).Count == 5);
        Assert.Null((await community.NeedAsync(id))["targetTeamId"]);
        Assert.EndsWith("to the hall: 该队无法承接", (await community.TimelineAsync(id)).Last()!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reassignment_overtaken_by_the_new_teams_acceptance_still_leaves_its_reason_on_the_timeline()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        var suspended = Guid.NewGuid();
        var next = Guid.NewGuid();
        await community.PublishAsync(new OrderClaimed(id, suspended, Now, 2));
        await community.WaitForStatusAsync(id, "claimed");
        var late = Guid.NewGuid();

        await community.PublishAsync(new OrderClaimed(id, next, Now.AddMinutes(6), 4));
        await Eventually.TrueAsync(async () => (await community.NeedAsync(id))["claimedByTeamId"]?.GetValue<string>() == next.ToString());
        await community.PublishAsync(new OrderReassigned(id, suspended, "claimed", next, "队伍暂停整改", "wenchang-coordinator", Now.AddMinutes(5), 3), late);
        await community.WaitForAsync("select count(*) from inbox_messages where message_id = @late", new { late });

        Assert.Equal(("claimed", 4L), (await community.StatusAsync(id), await community.QueryAsync<long>("select order_version from needs where id = @id", new { id })));
        var step = (await community.TimelineAsync(id)).Last()!;
        Assert.Equal(("claimed", "published", "wenchang-coordinator"),
            (step["fromStatus"]!.GetValue<string>(), step["toStatus"]!.GetValue<string>(), step["actor"]!.GetValue<string>()));
        Assert.EndsWith("队伍暂停整改", step["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_duplicate_delivery_is_applied_once()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        var messageId = Guid.NewGuid();
        var claimed = new OrderClaimed(id, Guid.NewGuid(), Now, 2);

        using var deliveries = Deliveries.Watch(service.Services.GetRequiredService<IBus>());

        await community.PublishAsync(claimed, messageId);
        await community.PublishAsync(claimed, messageId);
        await deliveries.ConsumedAsync(messageId, times: 2);

        var timeline = await community.TimelineAsync(id);
        Assert.Single(timeline, e => e!["fromStatus"]?.GetValue<string>() == "published" && e["toStatus"]!.GetValue<string>() == "claimed");
        Assert.Equal(1L, await community.QueryAsync<long>("select count(*) from inbox_messages where message_id = @messageId", new { messageId }));
    }

    [Fact]
    public async Task A_completion_that_overtakes_its_claim_still_ends_completed()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        var teamId = Guid.NewGuid();
        var lateClaim = Guid.NewGuid();

        await community.PublishAsync(new OrderCompleted(id, teamId, 2m, 2, "已完成", Now.AddHours(3), 3));
        await community.WaitForStatusAsync(id, "completed");
        await community.PublishAsync(new OrderClaimed(id, teamId, Now, 1), lateClaim);
        await community.WaitForAsync("select count(*) from inbox_messages where message_id = @lateClaim", new { lateClaim });

        var need = await community.NeedAsync(id);
        Assert.Equal("completed", need["status"]!.GetValue<string>());
        Assert.Equal(teamId.ToString(), need["claimedByTeamId"]!.GetValue<string>());
        Assert.Equal(3L, await community.QueryAsync<long>("select order_version from needs where id = @id", new { id }));
        Assert.DoesNotContain(await community.TimelineAsync(id), e => e!["toStatus"]!.GetValue<string>() == "claimed");
    }

    [Fact]
    public async Task A_cancelled_need_is_not_resurrected_by_a_later_claim()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        using var branch = community.Branch();
        await branch.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "居民已搬走" });
        var claim = Guid.NewGuid();

        await community.PublishAsync(new OrderClaimed(id, Guid.NewGuid(), Now, 2), claim);
        await community.WaitForAsync("select count(*) from inbox_messages where message_id = @claim", new { claim });

        Assert.Equal("cancelled", await community.StatusAsync(id));
    }

    [Fact]
    public async Task Only_the_holding_team_sees_the_need_and_loses_it_on_release()
    {
        var community = new Community(service);
        var id = await community.PublishedAsync();
        var holder = Guid.NewGuid();
        using var holderClient = community.Team(holder);
        using var otherClient = community.Team(Guid.NewGuid());

        await community.PublishAsync(new OrderClaimed(id, holder, Now, 2));
        await community.WaitForStatusAsync(id, "claimed");
        var seen = await holderClient.GetAsync($"/api/needs/{id}");
        var hidden = await otherClient.GetAsync($"/api/needs/{id}");
        await community.PublishAsync(new OrderReleased(id, holder, "人手不足", Now.AddHours(1), 3));
        await community.WaitForStatusAsync(id, "published");

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("139-0000 1111", (await seen.Content.ReadFromJsonAsync<JsonObject>())!["contactPhone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await holderClient.GetAsync($"/api/needs/{id}")).StatusCode);
        Assert.Null((await community.NeedAsync(id))["claimedByTeamId"]);
        Assert.Equal("人手不足", (await community.TimelineAsync(id)).Last()!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declined_directed_order_stays_published_and_opens_to_all_then_expires()
    {
        var community = new Community(service);
        var target = Guid.NewGuid();
        var body = JsonSerializerNode(Community.NeedBody());
        body["targetTeamId"] = target.ToString();
        var id = await community.DraftAsync(body);
        using var branch = community.Branch();
        await branch.PostAsync($"/api/needs/{id}/publish", null);

        await community.PublishAsync(new OrderDeclined(id, target, "时间冲突", Now, 2));
        await Eventually.TrueAsync(async () => (await community.NeedAsync(id))["targetTeamId"] is null, because: "the decline should clear the target");
        Assert.Equal("published", await community.StatusAsync(id));
        await community.PublishAsync(new OrderExpired(id, Now.AddDays(1), 5));
        await community.WaitForStatusAsync(id, "expired");
    }

    [Fact]
    public async Task A_directed_order_that_escalates_no_longer_names_the_team_on_the_need()
    {
        var community = new Community(service);
        var body = JsonSerializerNode(Community.NeedBody());
        body["targetTeamId"] = Guid.NewGuid().ToString();
        var id = await community.DraftAsync(body);
        using var branch = community.Branch();
        await branch.PostAsync($"/api/needs/{id}/publish", null);
        Assert.NotNull((await community.NeedAsync(id))["targetTeamId"]);

        await community.PublishAsync(new OrderEscalated(id, 1, Now, 2));
        await Eventually.TrueAsync(async () => (await community.NeedAsync(id))["escalationLevel"]!.GetValue<int>() == 1);

        var need = await community.NeedAsync(id);
        Assert.Null(need["targetTeamId"]); // matching opened the order to every eligible team
        Assert.Equal("published", need["status"]!.GetValue<string>());
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();
}
