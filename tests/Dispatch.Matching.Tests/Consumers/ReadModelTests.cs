using Dispatch.Testing;
using Dispatch.Contracts;
using Xunit;

namespace Dispatch.Matching.Tests.Consumers;

[Collection(MatchingCollection.Name)]
public sealed class ReadModelTests(MatchingService service)
{
    [Fact]
    public async Task A_duplicate_NeedPublished_creates_one_order()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var need = street.NewNeed(home);
        var messageId = Guid.NewGuid();
        using var deliveries = Deliveries.Watch(street.Bus);

        await street.PublishAsync(need, messageId);
        await street.PublishAsync(need, messageId);
        // The same message id carrying another need: the inbox must recognise it as handled.
        var impostor = street.NewNeed(home);
        await street.PublishAsync(impostor, messageId);
        await deliveries.ConsumedAsync(messageId, times: 3);

        Assert.Equal(1L, await street.QueryAsync<long>("select count(*) from orders where need_id = @NeedId", new { need.NeedId }));
        Assert.Equal(0L, await street.QueryAsync<long>("select count(*) from orders where need_id = @NeedId", new { impostor.NeedId }));
        Assert.Equal(1L, await street.QueryAsync<long>("select count(*) from inbox_messages where message_id = @messageId", new { messageId }));
    }

    [Fact]
    public async Task An_older_team_event_does_not_overwrite_a_newer_one_nor_the_open_orders()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("光州");
        var team = await street.TeamAsync(home, capacity: 3);
        var needId = await street.NeedAsync(home);
        await street.As(team).PostAsync($"/api/orders/{needId}/claim", null);

        await street.PublishAsync(new TeamSuspended(team with { Status = "suspended", Version = 5 }, null, DateTimeOffset.UtcNow));
        await street.WaitForAsync("select count(*) from teams where team_id = @TeamId and version = 5", new { team.TeamId });
        await street.PublishAsync(new TeamProfileChanged(team with { Capacity = 9, Version = 4 }, DateTimeOffset.UtcNow));
        await street.PublishAsync(new TeamProfileChanged(team with { Status = "suspended", Capacity = 7, Version = 6 }, DateTimeOffset.UtcNow));
        await street.WaitForAsync("select count(*) from teams where team_id = @TeamId and version = 6", new { team.TeamId });

        Assert.Equal((7, "suspended", 1), await street.QueryAsync<(int, string, int)>(
            "select capacity, status, open_orders from teams where team_id = @TeamId", new { team.TeamId }));
    }

    [Fact]
    public async Task Cancelling_a_claimed_need_frees_the_place_and_rating_closes_and_scores()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("北关");
        var team = await street.TeamAsync(home);
        var cancelled = await street.NeedAsync(home);
        var rated = await street.NeedAsync(home);
        var client = street.As(team);
        await client.PostAsync($"/api/orders/{cancelled}/claim", null);
        await client.PostAsync($"/api/orders/{rated}/claim", null);
        await client.PostAsync($"/api/orders/{rated}/start", null);
        await client.PostAsync($"/api/orders/{rated}/complete", System.Net.Http.Json.JsonContent.Create(new { serviceHours = 1, volunteersCount = 1, summary = "完成" }));

        await street.PublishAsync(new NeedCancelled(cancelled, "居民已搬走", DateTimeOffset.UtcNow));
        await street.PublishAsync(new NeedRated(rated, team.TeamId, 5, "很好", DateTimeOffset.UtcNow));
        await street.WaitForAsync("select count(*) from orders where need_id = @cancelled and status = 'cancelled'", new { cancelled });
        await street.WaitForAsync("select count(*) from orders where need_id = @rated and status = 'closed'", new { rated });

        Assert.Equal((0, 1, 5, 1), await street.QueryAsync<(int, int, int, int)>(
            "select open_orders, completed_orders, rating_sum, rating_count from teams where team_id = @TeamId", new { team.TeamId }));
    }
}
