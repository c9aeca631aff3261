using BenchmarkDotNet.Attributes;
using Dispatch.Matching.Domain;

namespace Dispatch.Matching.Benchmarks;

/// <summary>
/// The hall's ranking of 10,000 teams against one need, and a matching meeting of 1,000 needs and 10,000 teams,
/// on the same seeded district every run; each against the time it should stay under.
/// </summary>
[Config(typeof(MatchingBenchmarkConfig))]
public class MatchingBenchmarks
{
    private List<Team> _teams = [];
    private List<Order> _needs = [];

    [GlobalSetup]
    public void SetUp()
    {
        var district = new SyntheticDistrict(seed: 5);
        _teams = district.Teams(10_000);
        _needs = district.Needs(1_000);
    }

    [Benchmark(Description = "rank 10,000 teams against one need")]
    [TimeTarget(milliseconds: 2)]
    public int RankTeams() => CandidateRanking.Rank(_needs[0], _teams, top: 20).Count;

    [Benchmark(Description = "plan 1,000 needs against 10,000 teams")]
    [TimeTarget(milliseconds: 2_000)]
    public int PlanMeeting() => MeetingPlanner.Plan(_needs, _teams).Assignments.Count;
}
