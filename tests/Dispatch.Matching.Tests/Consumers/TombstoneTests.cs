using Dispatch.Contracts;
using Xunit;

namespace Dispatch.Matching.Tests.Consumers;

[Collection(MatchingCollection.Name)]
public sealed class TombstoneTests(MatchingService service)
{
    [Fact]
    public async Task A_cancel_that_overtakes_its_publish_keeps_the_late_publish_out_of_the_hall()
    {
        var street = new Street(service);
        var home = await street.CommunityAsync("汇泉");
        var need = street.NewNeed(home);
        var publishId = Guid.NewGuid();

        await street.PublishAsync(new NeedCancelled(need.NeedId, "居民已自行解决", DateTimeOffset.UtcNow));
        await street.WaitForAsync("select count(*) from cancelled_needs where need_id = @NeedId", new { need.NeedId });
        await street.PublishAsync(need, publishId);
        await street.WaitForAsync("select count(*) from inbox_messages where message_id = @publishId", new { publishId },
            "the late NeedPublished should have been handled");

        Assert.Equal(0L, await street.QueryAsync<long>("select count(*) from orders where need_id = @NeedId", new { need.NeedId }));
    }
}
