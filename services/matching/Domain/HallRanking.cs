namespace Dispatch.Matching.Domain;

/// <summary>
/// Orders the dispatch hall for one team, best first. A deliberately plain weighting a later issue
/// refines: nearness 40, workload 20, skills fit 20, track record 20.
/// </summary>
internal static class HallRanking
{
    public const int MaxScore = 100;

    public static HallScore Score(Order order, Team team)
    {
        var matched = MatchedSkills(order, team);
        var skills = order.Skills.Length == 0 ? "无技能要求"
            : matched == order.Skills.Length ? "技能全部匹配"
            : $"技能匹配 {matched}/{order.Skills.Length}";
        var reason = string.Join(" · ", Nearness(order, team).Label, skills, $"当前 {team.OpenOrders}/{team.Capacity} 单");
        return new HallScore(Points(order, team), reason);
    }

    /// <summary>The score alone, 0–100, without the reason's strings: what ranking many teams and the planner use.</summary>
    public static int Points(Order order, Team team)
    {
        var workload = team.Capacity <= 0 ? 0 : 20.0 * (1 - Math.Clamp((double)team.OpenOrders / team.Capacity, 0, 1));
        var skillsFit = order.Skills.Length == 0 ? 1.0 : (double)MatchedSkills(order, team) / order.Skills.Length;
        var score = Nearness(order, team).Points + workload + 20 * skillsFit + 20 * TrackRecord(team);
        return (int)Math.Round(Math.Clamp(score, 0, MaxScore), MidpointRounding.AwayFromZero);
    }

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

    /// <summary>The orders best first: directed to this team, then score, then urgent, then the soonest to start.</summary>
    public static IReadOnlyList<(Order Order, HallScore Score)> Rank(IEnumerable<Order> orders, Team team) =>
        orders.Select(order => (Order: order, Score: Score(order, team)))
            .OrderByDescending(x => x.Order.TargetTeamId == team.TeamId)
            .ThenByDescending(x => x.Score.Score)
            .ThenByDescending(x => x.Order.Urgency == "urgent")
            .ThenBy(x => x.Order.StartsAt)
            .ThenBy(x => x.Order.NeedId)
            .ToList();

    private static (double Points, string Label) Nearness(Order order, Team team) =>
        team.CommunityId == order.CommunityId ? (40, "同社区")
        : team.StreetId == order.StreetId ? (25, "同街道")
        : team.DistrictId == order.DistrictId ? (10, "同区")
        : (0, "跨区");

    /// <summary>0–1 from completion rate and average rating; a team with no history gets the middle, 0.5.</summary>
    private static double TrackRecord(Team team)
    {
        var finished = team.CompletedOrders + team.ReleasedOrders;
        var completion = finished == 0 ? 0.5 : (double)team.CompletedOrders / finished;
        var rating = team.RatingCount == 0 ? 0.5 : ((double)team.RatingSum / team.RatingCount - 1) / 4;
        return (completion + Math.Clamp(rating, 0, 1)) / 2;
    }
}
