using Dispatch.Matching.Domain;
using Xunit;

namespace Dispatch.Matching.Tests.Domain;

public sealed class MeetingPlannerTests
{
    private static readonly Guid District = Guid.NewGuid();
    private static readonly Guid Street = Guid.NewGuid();
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Neighbour = Guid.NewGuid();

    private static Team NewTeam(Guid community, string[] skills, string area = "community", int capacity = 1) => new()
    {
        TeamId = Guid.NewGuid(), CommunityId = community, StreetId = Street, DistrictId = District,
        Categories = ["elderly_care"], Skills = skills, ServiceArea = area, Capacity = capacity, Status = Team.Hatched,
    };

    private static Order NewNeed(Guid community, string[] skills) => new()
    {
        NeedId = Guid.NewGuid(), CommunityId = community, StreetId = Street, DistrictId = District,
        Category = "elderly_care", Skills = skills,
    };

    [Fact]
    public void The_plan_matches_a_need_that_greedy_leaves_unmatched()
    {
        // The home team suits both needs best, but only the first has another taker (the street team).
        var homeTeam = NewTeam(Home, ["入户探访", "理发"]);
        var streetTeam = NewTeam(Neighbour, ["入户探访"], area: "street");
        var visit = NewNeed(Home, ["入户探访"]);
        var haircut = NewNeed(Home, ["理发"]);
        Team[] teams = [homeTeam, streetTeam];

        var greedy = Greedy([visit, haircut], teams);
        var plan = MeetingPlanner.Plan([visit, haircut], teams);

        Assert.Single(greedy);
        Assert.Equal(homeTeam.TeamId, greedy[visit.NeedId]);
        Assert.Equal(2, plan.Assignments.Count);
        Assert.Empty(plan.Unmatched);
        Assert.Equal(streetTeam.TeamId, plan.Assignments.Single(a => a.NeedId == visit.NeedId).TeamId);
        Assert.Equal(homeTeam.TeamId, plan.Assignments.Single(a => a.NeedId == haircut.NeedId).TeamId);
    }

    [Fact]
    public void With_room_for_one_the_plan_keeps_the_better_fit()
    {
        var team = NewTeam(Home, ["入户探访"], area: "street");
        var far = NewNeed(Neighbour, ["入户探访"]);
        var near = NewNeed(Home, ["入户探访"]);

        var plan = MeetingPlanner.Plan([far, near], [team]);

        Assert.Equal(near.NeedId, Assert.Single(plan.Assignments).NeedId);
        Assert.Equal([far.NeedId], plan.Unmatched);
    }

    [Fact]
    public void No_team_gets_more_than_its_free_places()
    {
        var team = new Team
        {
            TeamId = Guid.NewGuid(), CommunityId = Home, StreetId = Street, DistrictId = District, Categories = ["elderly_care"],
            Skills = ["入户探访"], ServiceArea = "street", Capacity = 3, OpenOrders = 1, Status = Team.Hatched,
        };
        var needs = Enumerable.Range(0, 5).Select(_ => NewNeed(Home, ["入户探访"])).ToList();

        var plan = MeetingPlanner.Plan(needs, [team]);

        Assert.Equal(2, plan.Assignments.Count);
        Assert.Equal(3, plan.Unmatched.Count);
    }

    [Fact]
    public void Plan_equals_the_exhaustive_optimum_on_small_random_cases()
    {
        var random = new Random(7);
        string[] skills = ["入户探访", "理发", "助餐送餐"];
        Guid[] communities = [Home, Neighbour, Guid.NewGuid()];
        for (var round = 0; round < 200; round++)
        {
            var teams = Enumerable.Range(0, random.Next(1, 4)).Select(_ => NewTeam(
                communities[random.Next(3)], skills.Where(_ => random.Next(2) == 0).ToArray(),
                random.Next(2) == 0 ? "street" : "community", random.Next(1, 3))).ToArray();
            var needs = Enumerable.Range(0, random.Next(1, 6)).Select(_ => NewNeed(communities[random.Next(3)], [skills[random.Next(3)]])).ToArray();

            var plan = MeetingPlanner.Plan(needs, teams);
            var best = Exhaustive(needs, teams, 0, new int[teams.Length]);

            Assert.Equal(best.Matched, plan.Assignments.Count);
            Assert.Equal(best.Score, plan.TotalScore);
        }
    }

    [Fact]
    public void The_demo_street_plans_all_44_needs_among_its_75_teams()
    {
        var (needs, teams) = DemoStreet.Load();
        Assert.Equal(44, needs.Count);
        Assert.Equal(75, teams.Count);

        var plan = MeetingPlanner.Plan(needs, teams);

        Assert.Equal(44, plan.Assignments.Count);
        Assert.Empty(plan.Unmatched);
        foreach (var group in plan.Assignments.GroupBy(a => a.TeamId))
            Assert.True(group.Count() <= teams.Single(t => t.TeamId == group.Key).Capacity);
        foreach (var assignment in plan.Assignments)
            Assert.True(ClaimEligibility.IsEligible(teams.Single(t => t.TeamId == assignment.TeamId), needs.Single(n => n.NeedId == assignment.NeedId)));
    }

    /// <summary>What a greedy dispatcher does: each need in turn takes its best team that still has room.</summary>
    private static Dictionary<Guid, Guid> Greedy(IReadOnlyList<Order> needs, IReadOnlyList<Team> teams)
    {
        var used = new Dictionary<Guid, int>();
        var result = new Dictionary<Guid, Guid>();
        foreach (var need in needs)
        {
            var best = teams.Where(t => ClaimEligibility.IsEligible(t, need) && used.GetValueOrDefault(t.TeamId) < t.Capacity)
                .OrderByDescending(t => HallRanking.Points(need, t)).FirstOrDefault();
            if (best is null)
                continue;
            used[best.TeamId] = used.GetValueOrDefault(best.TeamId) + 1;
            result[need.NeedId] = best.TeamId;
        }
        return result;
    }

    private static (int Matched, int Score) Exhaustive(Order[] needs, Team[] teams, int index, int[] used)
    {
        if (index == needs.Length)
            return (0, 0);
        var best = Exhaustive(needs, teams, index + 1, used);
        for (var t = 0; t < teams.Length; t++)
        {
            if (used[t] >= teams[t].Capacity || !ClaimEligibility.IsEligible(teams[t], needs[index]))
                continue;
            used[t]++;
            var rest = Exhaustive(needs, teams, index + 1, used);
            used[t]--;
            var candidate = (rest.Matched + 1, rest.Score + HallRanking.Points(needs[index], teams[t]));
            if (candidate.CompareTo(best) > 0)
                best = candidate;
        }
        return best;
    }
}
