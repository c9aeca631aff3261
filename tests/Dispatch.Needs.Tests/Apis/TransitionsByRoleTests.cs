using System.Net;
using System.Net.Http.Json;
using Dispatch.Contracts;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Needs.Tests.Apis;

/// <summary>
/// Every branch action from every state through HTTP (allowed: 200, refused: 409 naming the state), and
/// every other role refused whatever the state. The states a team's work brings are reached by the
/// matching service's events on the real bus.
/// </summary>
[Collection(NeedsCollection.Name)]
public sealed class TransitionsByRoleTests(NeedsService service)
{
    private static readonly string[] States = ["draft", "published", "claimed", "in_service", "completed", "closed", "cancelled", "expired"];

    private static readonly HashSet<(string, string)> Allowed =
    [
        ("draft", "edit"), ("draft", "publish"), ("draft", "cancel"),
        ("published", "cancel"), ("claimed", "cancel"), ("in_service", "cancel"),
        ("completed", "rate"),
    ];

    public static IEnumerable<object[]> StatesAndActions() =>
        from state in States from action in new[] { "edit", "publish", "cancel", "rate" } select new object[] { state, action };

    [Theory]
    [MemberData(nameof(StatesAndActions))]
    public async Task The_branch_may_act_only_from_the_states_the_lifecycle_allows(string state, string action)
    {
        var community = new Community(service);
        var id = await NeedInAsync(community, state);
        using var branch = community.Branch();

        var response = await ActAsync(branch, id, action);

        if (Allowed.Contains((state, action)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(action switch { "edit" => "draft", "publish" => "published", "cancel" => "cancelled", _ => "closed" },
                await community.StatusAsync(id));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains($"is {state};", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(state, await community.StatusAsync(id));
        }
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("completed")]
    public async Task A_team_a_coordinator_and_an_admin_take_no_branch_action_and_another_branch_gets_404(string state)
    {
        var community = new Community(service);
        var id = await NeedInAsync(community, state);
        var holder = state == "completed" ? HolderOf : Guid.NewGuid();
        var others = new[] { community.Team(holder), community.Coordinator(), community.Admin() };
        using var stranger = new Community(service).Branch();

        foreach (var action in new[] { "edit", "publish", "cancel", "rate" })
        {
            foreach (var client in others)
                Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(client, id, action)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(stranger, id, action)).StatusCode);
        }
        foreach (var client in others)
            client.Dispose();
        Assert.Equal(state, await community.StatusAsync(id));
    }

    [Fact]
    public async Task Cancelling_an_in_service_need_tells_the_matching_service_and_later_order_events_change_nothing()
    {
        var community = new Community(service);
        var id = await NeedInAsync(community, "in_service");
        using var branch = community.Branch();

        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "老人住院，暂停服务" })).StatusCode);
        Guid[] late = [Guid.NewGuid(), Guid.NewGuid()];
        await community.PublishAsync(new OrderCompleted(id, HolderOf, 2, 2, "已完成", DateTimeOffset.UtcNow, 9), late[0]);
        await community.PublishAsync(new OrderEscalated(id, 1, DateTimeOffset.UtcNow, 10), late[1]);

        await Eventually.TrueAsync(async () => await community.QueryAsync<long>(
            "select count(*) from inbox_messages where message_id = any(@late)", new { late }) == 2, because: "both late events should be handled");
        Assert.Equal("cancelled", await community.StatusAsync(id));
        Assert.Equal(1L, await community.QueryAsync<long>(
            "select count(*) from outbox_messages where message_type = 'NeedCancelled' and body->>'needId' = @id", new { id = id.ToString() }));
    }

    private static readonly Guid HolderOf = Guid.NewGuid();

    /// <summary>A need of <paramref name="community"/> brought to <paramref name="state"/> the way it gets there in life.</summary>
    private static async Task<Guid> NeedInAsync(Community community, string state)
    {
        if (state == "draft")
            return await community.DraftAsync();
        var id = await community.PublishedAsync();
        using var branch = community.Branch();
        var now = DateTimeOffset.UtcNow;
        switch (state)
        {
            case "claimed":
                await community.PublishAsync(new OrderClaimed(id, HolderOf, now, 2));
                break;
            case "in_service":
                await community.PublishAsync(new OrderStarted(id, HolderOf, now, 3));
                break;
            case "completed" or "closed":
                await community.PublishAsync(new OrderCompleted(id, HolderOf, 2, 2, "陪伴两小时", now, 4));
                break;
            case "expired":
                await community.PublishAsync(new OrderExpired(id, now, 2));
                break;
            case "cancelled":
                await branch.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "不需要了" });
                break;
        }
        if (state == "closed")
        {
            await community.WaitForStatusAsync(id, "completed");
            await branch.PostAsJsonAsync($"/api/needs/{id}/rating", new { score = 4 });
        }
        await community.WaitForStatusAsync(id, state);
        return id;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action) => action switch
    {
        "edit" => client.PutAsJsonAsync($"/api/needs/{id}", Community.NeedBody(title: "改过的标题")),
        "publish" => client.PostAsync($"/api/needs/{id}/publish", null),
        "cancel" => client.PostAsJsonAsync($"/api/needs/{id}/cancel", new { reason = "情况有变" }),
        _ => client.PostAsJsonAsync($"/api/needs/{id}/rating", new { score = 5, comment = "很好" }),
    };
}
