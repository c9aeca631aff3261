namespace Dispatch.Matching.Domain;

/// <summary>
/// Whether a team may take an order, from the read models alone. The hall and the claim both ask
/// it, so a team is never shown an order it would be refused. Capacity is apart: a full team is
/// eligible but must wait (409), not forbidden (403).
/// <see cref="Refusal"/> is the rule. <see cref="IsEligible"/> restates it without reasons for the planner,
/// and a test holds the two to the same answer over every combination of the facts they read. The SQL is not a
/// third rule: the hall's candidate query only narrows what reaches <see cref="Refusal"/> (never past what it
/// allows), and claim_order checks again, under the row lock, that the team is still hatched and has a place.
/// </summary>
internal static class ClaimEligibility
{
    /// <summary>Null when <paramref name="team"/> may take <paramref name="order"/>; otherwise why not, for a 403.</summary>
    public static string? Refusal(Team? team, Order order)
    {
        if (team is null)
            return "Your team is not known to the dispatch hall yet.";
        if (!team.IsHatched)
            return $"Only hatched teams take orders; your team is {team.Status}.";
        if (order.TargetTeamId is { } target && target != team.TeamId)
            return "This order is directed to another team.";
        // A branch's direction obeys the fit below like a claim; a coordinator's is its call, inside its street.
        if (order.TargetTeamId is not null && order.DirectedByCoordinator)
            return null;
        if (!team.Categories.Contains(order.Category))
            return $"Your team does not serve the category {order.Category}.";
        var missing = order.Skills.Except(team.Skills).ToList();
        if (missing.Count > 0)
            return $"Your team lacks the skills {string.Join(", ", missing)}.";
        if (!Covers(team, order))
            return $"The order's community is outside your team's service area ({team.ServiceArea}).";
        return null;
    }

    /// <summary>The same answer as <c>Refusal(team, order) is null</c>, without building a reason: the planner asks it millions of times.</summary>
    public static bool IsEligible(Team team, Order order)
    {
        if (!team.IsHatched)
            return false;
        if (order.TargetTeamId is { } target && target != team.TeamId)
            return false;
        if (order.TargetTeamId is not null && order.DirectedByCoordinator)
            return true;
        if (Array.IndexOf(team.Categories, order.Category) < 0)
            return false;
        foreach (var skill in order.Skills)
        {
            if (Array.IndexOf(team.Skills, skill) < 0)
                return false;
        }
        return Covers(team, order);
    }

    /// <summary>The team's own service area covers the order's community, or the order's escalation widened it to reach the team.</summary>
    public static bool Covers(Team team, Order order) => EscalationLadder.Reaches(order, team) || team.ServiceArea switch
    {
        "district" => team.DistrictId == order.DistrictId,
        "street" => team.StreetId == order.StreetId,
        _ => team.CommunityId == order.CommunityId,
    };
}
