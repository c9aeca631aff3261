using System.Net.Http.Json;
using Dispatch.Contracts;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dispatch.Teams.Tests.Consumers;

/// <summary>The track record on a team's profile, kept from the matching service's order events and the branches' ratings.</summary>
[Collection(TeamsCollection.Name)]
public sealed class TrackRecordTests(TeamsService service)
{
    private IBus Bus => service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task A_new_team_has_an_empty_track_record()
    {
        var street = await Street.CreateAsync(service);

        var team = await street.RegisterTeamAsync();

        Assert.Equal(new TrackRecordView(0, 0, 0, 0, 0, null, 0), team.TrackRecord);
    }

    [Fact]
    public async Task A_completed_and_rated_order_and_a_released_one_show_on_the_profile()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var (served, released) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;

        await PublishAsync(new OrderClaimed(served, team.Id, now, 2));
        await PublishAsync(new OrderCompleted(served, team.Id, 2.5m, 3, "陪老人聊天两小时", now, 4));
        await PublishAsync(new NeedRated(served, team.Id, 5, "很好", now));
        await PublishAsync(new OrderClaimed(released, team.Id, now, 2));
        await PublishAsync(new OrderReleased(released, team.Id, "人手不够", now, 3));

        var expected = new TrackRecordView(OrdersClaimed: 2, OrdersCompleted: 1, OrdersReleased: 1, ServiceHours: 2.5m, VolunteersEngaged: 3, AverageRating: 5m, RatingsCount: 1);
        var profile = await Eventually.ReturnsAsync(
            async () => (await street.Branch.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!,
            t => t.TrackRecord == expected, because: "the five events reach the track record");
        Assert.Equal(expected, profile.TrackRecord);
    }

    [Fact]
    public async Task A_redelivered_event_counts_once_and_ratings_average()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var messageId = Guid.NewGuid();
        var completed = new OrderCompleted(Guid.NewGuid(), team.Id, 1.5m, 2, "打扫楼道", DateTimeOffset.UtcNow, 4);

        var ratings = new[] { (Team: (Guid?)team.Id, Score: 4), (team.Id, 5), (team.Id, 5), (null, 1) }; // the last rates nobody
        var ratingIds = ratings.Select(_ => Guid.NewGuid()).ToList();
        using var deliveries = Deliveries.Watch(Bus);

        await PublishAsync(completed, messageId);
        await PublishAsync(completed, messageId);
        for (var i = 0; i < ratings.Length; i++)
            await PublishAsync(new NeedRated(Guid.NewGuid(), ratings[i].Team, ratings[i].Score, null, DateTimeOffset.UtcNow), ratingIds[i]);
        await deliveries.ConsumedAsync(messageId, times: 2);
        foreach (var ratingId in ratingIds)
            await deliveries.ConsumedAsync(ratingId, times: 1);

        var record = (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.TrackRecord;
        Assert.Equal((1, 1.5m, 2, 4.67m, 3), (record.OrdersCompleted, record.ServiceHours, record.VolunteersEngaged, record.AverageRating, record.RatingsCount));
    }

    private Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());
}
