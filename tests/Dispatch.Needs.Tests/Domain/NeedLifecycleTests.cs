using Dispatch.Needs.Domain;
using Xunit;

namespace Dispatch.Needs.Tests.Domain;

public sealed class NeedLifecycleTests
{
    [Theory]
    [InlineData(NeedStatus.Draft, NeedAction.Edit, NeedStatus.Draft)]
    [InlineData(NeedStatus.Draft, NeedAction.Publish, NeedStatus.Published)]
    [InlineData(NeedStatus.Draft, NeedAction.Cancel, NeedStatus.Cancelled)]
    [InlineData(NeedStatus.Published, NeedAction.Cancel, NeedStatus.Cancelled)]
    [InlineData(NeedStatus.Claimed, NeedAction.Cancel, NeedStatus.Cancelled)]
    [InlineData(NeedStatus.InService, NeedAction.Cancel, NeedStatus.Cancelled)]
    [InlineData(NeedStatus.Completed, NeedAction.Rate, NeedStatus.Closed)]
    internal void The_branch_may_take_these_steps(string from, NeedAction action, string to) =>
        Assert.Equal(to, NeedLifecycle.Next(from, action));

    public static IEnumerable<object[]> RefusedBranchSteps()
    {
        var allowed = new HashSet<(string, NeedAction)>
        {
            (NeedStatus.Draft, NeedAction.Edit), (NeedStatus.Draft, NeedAction.Publish), (NeedStatus.Draft, NeedAction.Cancel),
            (NeedStatus.Published, NeedAction.Cancel), (NeedStatus.Claimed, NeedAction.Cancel), (NeedStatus.InService, NeedAction.Cancel),
            (NeedStatus.Completed, NeedAction.Rate),
        };
        foreach (var status in NeedStatus.All)
            foreach (var action in Enum.GetValues<NeedAction>())
                if (!allowed.Contains((status, action)))
                    yield return [status, action];
    }

    [Theory]
    [MemberData(nameof(RefusedBranchSteps))]
    internal void Every_other_branch_step_is_refused(string from, NeedAction action)
    {
        Assert.False(NeedLifecycle.Allows(from, action));
        Assert.Null(NeedLifecycle.Next(from, action));
    }

    [Theory]
    [InlineData(NeedStatus.Published, OrderProgress.Claimed, NeedStatus.Claimed)]
    [InlineData(NeedStatus.Claimed, OrderProgress.Released, NeedStatus.Published)]
    [InlineData(NeedStatus.Published, OrderProgress.Declined, NeedStatus.Published)]
    [InlineData(NeedStatus.Claimed, OrderProgress.Started, NeedStatus.InService)]
    [InlineData(NeedStatus.InService, OrderProgress.Completed, NeedStatus.Completed)]
    [InlineData(NeedStatus.Published, OrderProgress.Expired, NeedStatus.Expired)]
    [InlineData(NeedStatus.Published, OrderProgress.Escalated, NeedStatus.Published)]
    internal void The_order_progress_is_mirrored(string from, OrderProgress progress, string to) =>
        Assert.Equal(to, NeedLifecycle.Mirror(from, appliedVersion: 1, progress, orderVersion: 2));

    [Theory]
    [InlineData(NeedStatus.Published, OrderProgress.Completed, NeedStatus.Completed)]
    [InlineData(NeedStatus.Published, OrderProgress.Started, NeedStatus.InService)]
    [InlineData(NeedStatus.Expired, OrderProgress.Claimed, NeedStatus.Claimed)]
    internal void A_newer_event_wins_even_when_earlier_ones_have_not_arrived(string from, OrderProgress progress, string to) =>
        Assert.Equal(to, NeedLifecycle.Mirror(from, appliedVersion: 0, progress, orderVersion: 3));

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 1)]
    internal void A_repeated_or_older_event_is_ignored(long applied, long incoming)
    {
        foreach (var progress in Enum.GetValues<OrderProgress>())
            Assert.Null(NeedLifecycle.Mirror(NeedStatus.Completed, applied, progress, incoming));
    }

    [Theory]
    [InlineData(NeedStatus.Draft)]
    [InlineData(NeedStatus.Cancelled)]
    [InlineData(NeedStatus.Closed)]
    internal void No_order_event_moves_a_draft_or_resurrects_a_cancelled_or_closed_need(string status)
    {
        foreach (var progress in Enum.GetValues<OrderProgress>())
            Assert.Null(NeedLifecycle.Mirror(status, appliedVersion: 0, progress, orderVersion: 99));
    }
}
