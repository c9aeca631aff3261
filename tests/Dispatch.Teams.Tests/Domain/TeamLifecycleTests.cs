using Dispatch.Teams.Domain;
using Xunit;

namespace Dispatch.Teams.Tests.Domain;

public sealed class TeamLifecycleTests
{
    // Every legal step; every other (status, action) pair must be refused.
    private static readonly (string From, TeamAction Action, string To)[] Legal =
    [
        (TeamStatus.Applied, TeamAction.Incubate, TeamStatus.Incubating),
        (TeamStatus.Incubating, TeamAction.Hatch, TeamStatus.Hatched),
        (TeamStatus.Suspended, TeamAction.Hatch, TeamStatus.Hatched),
        (TeamStatus.Incubating, TeamAction.Suspend, TeamStatus.Suspended),
        (TeamStatus.Hatched, TeamAction.Suspend, TeamStatus.Suspended),
        (TeamStatus.Applied, TeamAction.Retire, TeamStatus.Retired),
        (TeamStatus.Incubating, TeamAction.Retire, TeamStatus.Retired),
        (TeamStatus.Hatched, TeamAction.Retire, TeamStatus.Retired),
        (TeamStatus.Suspended, TeamAction.Retire, TeamStatus.Retired),
    ];

    public static TheoryData<string, string, string> LegalSteps()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (from, action, to) in Legal)
            data.Add(from, action.ToString(), to);
        return data;
    }

    public static TheoryData<string, string> IllegalSteps()
    {
        var data = new TheoryData<string, string>();
        foreach (var status in TeamStatus.All.Append("unknown"))
            foreach (var action in Enum.GetValues<TeamAction>().Where(a => !Legal.Any(l => l.From == status && l.Action == a)))
                data.Add(status, action.ToString());
        return data;
    }

    [Fact]
    public void A_registered_team_starts_incubating_and_an_application_starts_applied()
    {
        Assert.Equal(TeamStatus.Incubating, TeamLifecycle.Initial);
        Assert.Equal(TeamStatus.Applied, TeamLifecycle.Application);
    }

    [Theory]
    [MemberData(nameof(LegalSteps))]
    public void Allowed_transitions_lead_to_their_status(string from, string action, string to)
    {
        var act = Enum.Parse<TeamAction>(action);
        Assert.True(TeamLifecycle.Allows(from, act));
        Assert.Equal(to, TeamLifecycle.Next(from, act));
    }

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public void Refused_transitions_have_no_next_status(string from, string action)
    {
        var act = Enum.Parse<TeamAction>(action);
        Assert.False(TeamLifecycle.Allows(from, act));
        Assert.Null(TeamLifecycle.Next(from, act));
    }

    [Fact]
    public void Nothing_leaves_retired()
    {
        Assert.All(Enum.GetValues<TeamAction>(), a => Assert.Null(TeamLifecycle.Next(TeamStatus.Retired, a)));
        Assert.False(TeamLifecycle.MayEditProfile(TeamStatus.Retired));
        Assert.All(TeamStatus.All.Where(s => s != TeamStatus.Retired), s => Assert.True(TeamLifecycle.MayEditProfile(s)));
    }

    [Fact]
    public void Every_action_says_where_it_may_start_from()
    {
        Assert.Equal([TeamStatus.Applied], TeamLifecycle.From(TeamAction.Incubate));
        Assert.Equal([TeamStatus.Incubating, TeamStatus.Suspended], TeamLifecycle.From(TeamAction.Hatch));
        Assert.Equal([TeamStatus.Incubating, TeamStatus.Hatched], TeamLifecycle.From(TeamAction.Suspend));
        Assert.Equal([TeamStatus.Applied, TeamStatus.Incubating, TeamStatus.Hatched, TeamStatus.Suspended], TeamLifecycle.From(TeamAction.Retire));
    }
}
