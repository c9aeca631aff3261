using System.Diagnostics;
using Dispatch.Matching.Benchmarks;
using Dispatch.Matching.Domain;

// Matching benchmarks: prints medians and their ratio to the targets of issue 5; asserts nothing.
var district = new SyntheticDistrict(seed: 5);
var teams = district.Teams(10_000);
var needs = district.Needs(1_000);
var oneNeed = needs[0];

Console.WriteLine($"matching benchmarks · {Environment.ProcessorCount} cores · .NET {Environment.Version}");
Console.WriteLine($"{"case",-44} {"median",12} {"p90",12} {"target",10} {"ratio",7}");

Measure("rank 10,000 teams against one need", TimeSpan.FromMilliseconds(2), runs: 200, () =>
    CandidateRanking.Rank(oneNeed, teams, top: 20).Count);

MeetingPlan? plan = null;
Measure("plan 1,000 needs against 10,000 teams", TimeSpan.FromSeconds(2), runs: 7, () =>
{
    plan = MeetingPlanner.Plan(needs, teams);
    return plan.Assignments.Count;
});
Console.WriteLine($"  plan: {plan!.Assignments.Count} of {needs.Count} needs matched, total fit {plan.TotalScore}");

var greedy = Greedy(needs, teams);
Console.WriteLine($"  greedy on the same data: {greedy.Matched} matched, total fit {greedy.Score}");

static void Measure(string name, TimeSpan target, int runs, Func<int> body)
{
    for (var i = 0; i < Math.Min(runs, 3); i++)
        body(); // warm up the JIT
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        body();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var median = times[times.Count / 2];
    var p90 = times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.9) - 1)];
    Console.WriteLine($"{name,-44} {Format(median),12} {Format(p90),12} {Format(target.TotalMilliseconds),10} {median / target.TotalMilliseconds,7:0.000}");
}

static string Format(double ms) => ms >= 1000 ? $"{ms / 1000:0.000} s" : $"{ms:0.000} ms";

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
