using BenchmarkDotNet.Running;
using Dispatch.Matching.Benchmarks;
using Dispatch.Matching.Domain;

// Matching benchmarks: BenchmarkDotNet's summary with each median's ratio to its target, then what the planner
// achieved on the same data against a greedy assignment; asserts nothing.
BenchmarkRunner.Run<MatchingBenchmarks>(args: args);

var district = new SyntheticDistrict(seed: 5);
var teams = district.Teams(10_000);
var needs = district.Needs(1_000);
var plan = MeetingPlanner.Plan(needs, teams);
Console.WriteLine($"plan: {plan.Assignments.Count} of {needs.Count} needs matched, total fit {plan.TotalScore}");
var greedy = Greedy(needs, teams);
Console.WriteLine($"greedy on the same data: {greedy.Matched} matched, total fit {greedy.Score}");

static (int Matched, int Score) Greedy(List<Order> needs, List<Team> teams)
{
    var used = new Dictionary<Guid, int>();
    var (matched, score) = (0, 0);
    foreach (var need in needs)
    {
        var best = CandidateRanking.Rank(need, teams, teams.Count)
            .FirstOrDefault(c => used.GetValueOrDefault(c.Team.TeamId) < c.Team.Capacity - c.Team.OpenOrders);
        if (best.Team is null)
            continue;
        used[best.Team.TeamId] = used.GetValueOrDefault(best.Team.TeamId) + 1;
        matched++;
        score += best.Score;
    }
    return (matched, score);
}
