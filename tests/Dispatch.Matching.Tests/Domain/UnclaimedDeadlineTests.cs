using Dispatch.Matching.Domain;
using Xunit;

namespace Dispatch.Matching.Tests.Domain;

public sealed class UnclaimedDeadlineTests
{
    private static readonly DateTimeOffset Published = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lead = TimeSpan.FromHours(12);

    [Theory]
    [InlineData(72, 12)] // plenty of notice: the whole lead
    [InlineData(24, 12)] // exactly twice the lead: still the whole lead
    [InlineData(20, 10)] // less: half the notice
    [InlineData(2, 1)]
    [InlineData(0, 0)] // published at (or after) its start: no lead left
    [InlineData(-3, 0)]
    public void The_lead_before_the_start_is_shortened_in_proportion_for_short_notice(int noticeHours, int leadHours) =>
        Assert.Equal(TimeSpan.FromHours(leadHours), UnclaimedDeadline.LeadBeforeStart(Published, Published.AddHours(noticeHours), Lead));

    [Theory]
    [InlineData(72, 24, 24)] // the claim window ends first
    [InlineData(30, 24, 18)] // the lead point comes first
    [InlineData(30, 40, 18)] // a claim deadline past the lead point waits for nothing
    [InlineData(10, 24, 5)] // short notice: half of it
    public void The_first_deadline_is_the_earlier_of_the_claim_window_and_the_lead_point(int startsInHours, int windowHours, int dueInHours)
    {
        var startsAt = Published.AddHours(startsInHours);
        var lead = UnclaimedDeadline.LeadBeforeStart(Published, startsAt, Lead);

        Assert.Equal(Published.AddHours(dueInHours), UnclaimedDeadline.Next(Published, Published.AddHours(windowHours), startsAt, lead, startsAt));
    }

    [Fact]
    public void Past_the_lead_point_the_next_step_is_never_later_than_the_expiry()
    {
        var startsAt = Published.AddHours(30);
        var now = Published.AddHours(20);

        Assert.Equal(startsAt, UnclaimedDeadline.Next(now, now.AddHours(12), startsAt, Lead, startsAt));
        Assert.True(UnclaimedDeadline.Expires(startsAt, startsAt, escalationLevel: 1));
        Assert.False(UnclaimedDeadline.Expires(startsAt.AddSeconds(-1), startsAt, escalationLevel: 1));
        Assert.True(UnclaimedDeadline.Expires(now, null, EscalationLadder.CoordinatorAlert));
    }
}
