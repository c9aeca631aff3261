using Dispatch.Teams.Domain;
using Xunit;

namespace Dispatch.Teams.Tests.Domain;

public sealed class TeamLifecycleTests
{
    [Fact]
    public void A_registered_team_starts_incubating() =>
        Assert.Equal(TeamStatus.Incubating, TeamLifecycle.Initial);

    [Theory]
    [InlineData(TeamStatus.Incubating, "Hatch", TeamStatus.Hatched)]
    [InlineData(TeamStatus.Suspended, "Hatch", TeamStatus.Hatched)]
    [InlineData(TeamStatus.Incubating, "Suspend", TeamStatus.Suspended)]
    [InlineData(TeamStatus.Hatched, "Suspend", TeamStatus.Suspended)]
    public void Allowed_transitions_lead_to_their_status(string from, string action, string to)
    {
        var act = Enum.Parse<TeamAction>(action);
        Assert.True(TeamLifecycle.Allows(from, act));
        Assert.Equal(to, TeamLifecycle.Next(from, act));
    }

    [Theory]
    [InlineData(TeamStatus.Hatched, "Hatch")]
    [InlineData(TeamStatus.Suspended, "Suspend")]
    [InlineData("unknown", "Hatch")]
    [InlineData("unknown", "Suspend")]
    public void Refused_transitions_have_no_next_status(string from, string action)
    {
        var act = Enum.Parse<TeamAction>(action);
        Assert.False(TeamLifecycle.Allows(from, act));
        Assert.Null(TeamLifecycle.Next(from, act));
    }

    [Fact]
    public void Every_action_says_where_it_may_start_from()
    {
        Assert.Equal([TeamStatus.Incubating, TeamStatus.Suspended], TeamLifecycle.From(TeamAction.Hatch));
        Assert.Equal([TeamStatus.Incubating, TeamStatus.Hatched], TeamLifecycle.From(TeamAction.Suspend));
    }
}
