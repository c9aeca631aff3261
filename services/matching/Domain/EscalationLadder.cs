namespace Dispatch.Matching.Domain;

/// <summary>
/// The steps an unclaimed order climbs at each deadline: its community only (0), the street (1),
/// the district (2), the coordinator alerted (3), then it expires. The hall and the claim read the
/// reach from here, so a widened order is offered to exactly the teams that may take it.
/// </summary>
internal static class EscalationLadder
{
    public const int Community = 0;
    public const int Street = 1;
    public const int District = 2;
    public const int CoordinatorAlert = 3;

    /// <summary>Whether the next due deadline expires the order rather than widening it.</summary>
    public static bool ExpiresNext(int level) => level >= CoordinatorAlert;

    /// <summary>Whether the order's widened reach alone lets <paramref name="team"/> serve it, whatever the team's own area.</summary>
    public static bool Reaches(Order order, Team team) => order.EscalationLevel switch
    {
        >= District => team.DistrictId == order.DistrictId,
        Street => team.StreetId == order.StreetId,
        _ => false,
    };

    public static string Label(int level) => level switch
    {
        Street => "已扩至街道",
        District => "已扩至全区",
        >= CoordinatorAlert => "已报协调员",
        _ => "",
    };
}
