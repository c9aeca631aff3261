using Dispatch.Matching.Domain;

namespace Dispatch.Matching.Benchmarks;

/// <summary>
/// The other direction of the hall: for one order, the eligible teams with a free place, best first, scored
/// without reasons. The product ranks orders for a team (HallRanking) and plans a street (MeetingPlanner); this
/// is the benchmark's measure of one need against a district, and its greedy baseline for the planner.
/// </summary>
internal static class CandidateRanking
{
    public static IReadOnlyList<(Team Team, int Score)> Rank(Order order, IReadOnlyList<Team> teams, int top)
    {
        var candidates = new List<(Team Team, int Score)>();
        foreach (var team in teams)
        {
            if (!team.IsFull && ClaimEligibility.IsEligible(team, order))
                candidates.Add((team, HallRanking.Points(order, team)));
        }
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Team.TeamId.CompareTo(b.Team.TeamId));
        return candidates.Count > top ? candidates.GetRange(0, top) : candidates;
    }
}
