namespace Dispatch.Matching.Domain;

/// <summary>
/// How well an order suits a team, 0–100, the same number in the hall, the candidate list and the
/// matching meeting. Nearness 40 (same community 40, street 25, district 10), workload balance 20
/// (share of places still free, so orders spread), skills fit 20, track record 20, plus a fair-share
/// lift of up to 10 for a newly hatched team with fewer than three finished orders, fading with each.
/// </summary>
internal static class HallRanking
{
    public const int MaxScore = 100;

    /// <summary>Finished orders (completed or released) after which a team is no longer "new".</summary>
    private const int NewTeamOrders = 3;

    /// <summary>Weight, in orders, of the neutral prior the track record starts from, so one bad order does not sink a team.</summary>
    private const double PriorOrders = 2;

    public static HallScore Score(Order order, Team team)
    {
        var matched = MatchedSkills(order, team);
        var skills = order.Skills.Length == 0 ? "无技能要求"
            : matched == order.Skills.Length ? "技能全部匹配"
            : $"技能匹配 {matched}/{order.Skills.Length}";
        var parts = new List<string> { Nearness(order, team).Label, skills, $"当前 {team.OpenOrders}/{team.Capacity} 单" };
        var finished = team.CompletedOrders + team.ReleasedOrders;
        if (finished < NewTeamOrders)
            parts.Add("新队伍");
        else
            parts.Add($"完成率 {Math.Round(100.0 * team.CompletedOrders / finished)}%");
        if (order.EscalationLevel > EscalationLadder.Community)
            parts.Add(EscalationLadder.Label(order.EscalationLevel));
        return new HallScore(Points(order, team), string.Join(" · ", parts));
    }

    /// <summary>The score alone, without the reason's strings: what ranking many teams and the planner use.</summary>
    public static int Points(Order order, Team team)
    {
        var workload = team.Capacity <= 0 ? 0 : 20.0 * (1 - Math.Clamp((double)team.OpenOrders / team.Capacity, 0, 1));
        var skillsFit = order.Skills.Length == 0 ? 1.0 : (double)MatchedSkills(order, team) / order.Skills.Length;
        var score = Nearness(order, team).Points + workload + 20 * skillsFit + 20 * TrackRecord(team) + FairShare(team);
        return (int)Math.Round(Math.Clamp(score, 0, MaxScore), MidpointRounding.AwayFromZero);
    }

    /// <summary>The orders best first: directed to this team, then score, then urgent, then the soonest to start.</summary>
    public static IReadOnlyList<(Order Order, HallScore Score)> Rank(IEnumerable<Order> orders, Team team) =>
        orders.Select(order => (Order: order, Score: Score(order, team)))
            .OrderByDescending(x => x.Order.TargetTeamId == team.TeamId)
            .ThenByDescending(x => x.Score.Score)
            .ThenByDescending(x => x.Order.Urgency == "urgent")
            .ThenBy(x => x.Order.StartsAt)
            .ThenBy(x => x.Order.NeedId)
            .ToList();

    private static int MatchedSkills(Order order, Team team)
    {
        var matched = 0;
        foreach (var skill in order.Skills)
        {
            if (Array.IndexOf(team.Skills, skill) >= 0)
                matched++;
        }
        return matched;
    }

    private static (double Points, string Label) Nearness(Order order, Team team) =>
        team.CommunityId == order.CommunityId ? (40, "同社区")
        : team.StreetId == order.StreetId ? (25, "同街道")
        : team.DistrictId == order.DistrictId ? (10, "同区")
        : (0, "跨区");

    /// <summary>
    /// 0–1 from completion rate and average rating, each pulled toward the middle by a prior of two
    /// orders (completion ½, rating 3 of 5): no history gives 0.5, and evidence moves it gradually.
    /// </summary>
    private static double TrackRecord(Team team)
    {
        var finished = team.CompletedOrders + team.ReleasedOrders;
        var completion = (team.CompletedOrders + PriorOrders / 2) / (finished + PriorOrders);
        var averageRating = (team.RatingSum + 3 * PriorOrders) / (team.RatingCount + PriorOrders);
        return (completion + Math.Clamp((averageRating - 1) / 4, 0, 1)) / 2;
    }

    /// <summary>A newly hatched team gets a lift so it wins its first orders against established teams: 10, then 6.7, 3.3, 0.</summary>
    private static double FairShare(Team team)
    {
        var finished = team.CompletedOrders + team.ReleasedOrders;
        return finished >= NewTeamOrders ? 0 : 10.0 * (NewTeamOrders - finished) / NewTeamOrders;
    }
}
