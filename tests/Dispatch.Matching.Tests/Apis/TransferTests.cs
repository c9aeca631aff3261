using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Matching.Escalation;
using Dispatch.Matching.Tests.Escalation;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

/// <summary>Transfer requests between teams, on the service with the fast-polling deadline watch (its sweep auto-approves).</summary>
[Collection(EscalationCollection.Name)]
public sealed class TransferTests(EscalationService service)
{
    [Fact]
    public async Task A_team_asks_the_holder_for_a_claimed_order_and_the_holder_hands_it_over()
    {
        var (street, holder, asking, needId) = await ClaimedAsync("汇泉");

        var asked = await street.As(asking).PostAsJsonAsync($"/api/orders/{needId}/transfer-requests", new { reason = "我们就在隔壁楼" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var request = await asked.Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetGuid();
        Assert.Equal(("open", holder.TeamId, asking.TeamId), (request.GetProperty("status").GetString(), request.GetProperty("fromTeamId").GetGuid(),
            request.GetProperty("toTeamId").GetGuid()));
        foreach (var viewer in new[] { street.As(holder), street.As(asking), street.Coordinator })
            Assert.Contains(id, await OpenIdsAsync(viewer));
        // The team that asked does not answer its own request.
        Assert.Equal(HttpStatusCode.Forbidden, (await street.As(asking).PostAsJsonAsync($"/api/transfer-requests/{id}/approve", new { })).StatusCode);

        var approved = await street.As(holder).PostAsJsonAsync($"/api/transfer-requests/{id}/approve", new { reason = "同意，对方更近" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(("claimed", (Guid?)asking.TeamId), await OrderAsync(street, needId));
        Assert.Equal((0, 1), await PlacesAsync(street, holder, asking));
        Assert.Equal(1L, await EventsAsync(street, needId, nameof(OrderTransferred)));
        Assert.DoesNotContain(id, await OpenIdsAsync(street.As(holder)));
        // Decided once: a second approval finds nothing open.
        Assert.Equal(HttpStatusCode.Conflict, (await street.As(holder).PostAsJsonAsync($"/api/transfer-requests/{id}/approve", new { })).StatusCode);
    }

    [Fact]
    public async Task An_order_has_one_open_request_and_only_a_claimed_one_an_eligible_team_may_ask_for()
    {
        var (street, holder, asking, needId) = await ClaimedAsync("光州");
        var third = await street.TeamAsync(holder.CommunityId);
        var unfit = await street.TeamAsync(holder.CommunityId, categories: ["child_welfare"]);
        var open = await street.NeedAsync(holder.CommunityId);

        Assert.Equal(HttpStatusCode.Created, (await AskAsync(street, asking, needId)).StatusCode);
        await Refused(await AskAsync(street, third, needId), HttpStatusCode.Conflict, "Transfer already requested");
        await Refused(await AskAsync(street, holder, needId), HttpStatusCode.Conflict, "Order already yours");
        await Refused(await AskAsync(street, third, open), HttpStatusCode.Conflict, "Order not transferable");
        Assert.Equal(HttpStatusCode.Forbidden, (await AskAsync(street, unfit, needId)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.As(third).PostAsJsonAsync($"/api/orders/{needId}/transfer-requests", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AskAsync(street, third, Guid.NewGuid())).StatusCode);
        Assert.Equal(1L, await street.QueryAsync<long>("select count(*) from transfer_requests where need_id = @needId", new { needId }));
    }

    [Fact]
    public async Task The_holder_declines_with_a_reason_and_another_streets_coordinator_sees_nothing()
    {
        var (street, holder, asking, needId) = await ClaimedAsync("定海");
        var id = await RequestIdAsync(await AskAsync(street, asking, needId));
        var elsewhere = service.ClientWithToken(TestTokens.Coordinator(Guid.NewGuid(), street.DistrictId));

        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/transfer-requests/{id}/decline", new { reason = "不行" })).StatusCode);
        Assert.DoesNotContain(id, await OpenIdsAsync(elsewhere));
        Assert.Equal(HttpStatusCode.BadRequest, (await street.As(holder).PostAsJsonAsync($"/api/transfer-requests/{id}/decline", new { })).StatusCode);
        var declined = await street.As(holder).PostAsJsonAsync($"/api/transfer-requests/{id}/decline", new { reason = "我们已约好老人" });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(("claimed", (Guid?)holder.TeamId), await OrderAsync(street, needId));
        Assert.Equal(1L, await EventsAsync(street, needId, nameof(TransferDeclined)));
        // Declined, the order may be asked for again.
        Assert.Equal(HttpStatusCode.Created, (await AskAsync(street, asking, needId)).StatusCode);
    }

    [Fact]
    public async Task The_streets_coordinator_decides_any_request_but_a_full_team_waits()
    {
        var (street, holder, asking, needId) = await ClaimedAsync("东南隅", askingCapacity: 1);
        var id = await RequestIdAsync(await AskAsync(street, asking, needId));
        var other = await street.NeedAsync(holder.CommunityId);
        Assert.Equal(HttpStatusCode.OK, (await street.As(asking).PostAsync($"/api/orders/{other}/claim", null)).StatusCode);

        await Refused(await street.Coordinator.PostAsJsonAsync($"/api/transfer-requests/{id}/approve", new { }), HttpStatusCode.Conflict, "Capacity reached");
        Assert.Equal(("claimed", (Guid?)holder.TeamId), await OrderAsync(street, needId));
        Assert.Contains(id, await OpenIdsAsync(street.Coordinator));

        Assert.Equal(HttpStatusCode.OK, (await street.As(asking).PostAsJsonAsync($"/api/orders/{other}/release", new { reason = "腾出名额" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.Coordinator.PostAsJsonAsync($"/api/transfer-requests/{id}/approve", new { })).StatusCode);
        Assert.Equal(("claimed", (Guid?)asking.TeamId), await OrderAsync(street, needId));
    }

    [Fact]
    public async Task A_request_the_holder_leaves_unanswered_approves_itself_once_with_replicas_sweeping_at_once()
    {
        var (street, holder, asking, needId) = await ClaimedAsync("北关");
        var id = await RequestIdAsync(await AskAsync(street, asking, needId));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        clock.Advance(TimeSpan.FromHours(35));
        await ActivatorUtilities.CreateInstance<DeadlineSweep>(service.Services, clock).RunAsync(default);
        Assert.Equal(("claimed", (Guid?)holder.TeamId), await OrderAsync(street, needId));

        clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            ActivatorUtilities.CreateInstance<DeadlineSweep>(service.Services, clock).RunAsync(default))));

        Assert.Equal(("claimed", (Guid?)asking.TeamId), await OrderAsync(street, needId));
        Assert.Equal(1L, await EventsAsync(street, needId, nameof(OrderTransferred)));
        Assert.Equal((0, 1), await PlacesAsync(street, holder, asking));
        Assert.Equal(("approved", "matching"), await street.QueryAsync<(string, string)>(
            "select status, decided_by from transfer_requests where id = @id", new { id }));
    }

    [Fact]
    public async Task An_approval_racing_a_release_leaves_one_holder_and_the_places_in_step()
    {
        for (var round = 0; round < 6; round++)
        {
            var (street, holder, asking, needId) = await ClaimedAsync("城港路");
            var id = await RequestIdAsync(await AskAsync(street, asking, needId));

            var answers = await Task.WhenAll(
                street.As(holder).PostAsJsonAsync($"/api/transfer-requests/{id}/approve", new { }),
                street.As(holder).PostAsJsonAsync($"/api/orders/{needId}/release", new { reason = "临时有事" }));

            var (status, team) = await OrderAsync(street, needId);
            var (holderPlaces, askingPlaces) = await PlacesAsync(street, holder, asking);
            if (answers[0].StatusCode == HttpStatusCode.OK)
            {
                // The hand-over won: the release found the order no longer the holder's.
                Assert.NotEqual(HttpStatusCode.OK, answers[1].StatusCode);
                Assert.Equal(("claimed", (Guid?)asking.TeamId, 0, 1), (status, team, holderPlaces, askingPlaces));
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, answers[1].StatusCode);
                Assert.Equal(HttpStatusCode.Conflict, answers[0].StatusCode);
                Assert.Equal(("published", (Guid?)null, 0, 0), (status, team, holderPlaces, askingPlaces));
                Assert.Equal("lapsed", await street.QueryAsync<string>("select status from transfer_requests where id = @id", new { id }));
            }
        }
    }

    private async Task<(Street Street, TeamProfile Holder, TeamProfile Asking, Guid NeedId)> ClaimedAsync(string community, int askingCapacity = 3)
    {
        var street = new Street(service);
        var home = await street.CommunityAsync(community);
        var holder = await street.TeamAsync(home);
        var asking = await street.TeamAsync(home, capacity: askingCapacity);
        var needId = await street.NeedAsync(home);
        Assert.Equal(HttpStatusCode.OK, (await street.As(holder).PostAsync($"/api/orders/{needId}/claim", null)).StatusCode);
        return (street, holder, asking, needId);
    }

    private static Task<HttpResponseMessage> AskAsync(Street street, TeamProfile team, Guid needId) =>
        street.As(team).PostAsJsonAsync($"/api/orders/{needId}/transfer-requests", new { reason = "离老人家更近" });

    private static async Task<Guid> RequestIdAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task Refused(HttpResponseMessage answer, HttpStatusCode status, string title)
    {
        Assert.Equal(status, answer.StatusCode);
        Assert.Equal(title, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    private static async Task<List<Guid>> OpenIdsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/transfer-requests")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static Task<(string Status, Guid? TeamId)> OrderAsync(Street street, Guid needId) =>
        street.QueryAsync<(string, Guid?)>("select status, team_id from orders where need_id = @needId", new { needId });

    private static Task<(int, int)> PlacesAsync(Street street, TeamProfile first, TeamProfile second) =>
        street.QueryAsync<(int, int)>("""
            select (select open_orders from teams where team_id = @First), (select open_orders from teams where team_id = @Second)
            """, new { First = first.TeamId, Second = second.TeamId });

    private static Task<long> EventsAsync(Street street, Guid needId, string type) =>
        street.QueryAsync<long>("select count(*) from outbox_messages where (body->>'needId')::uuid = @needId and message_type like @type",
            new { needId, type = $"%{type}%" });
}
