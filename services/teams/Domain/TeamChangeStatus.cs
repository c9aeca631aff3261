namespace Dispatch.Teams.Domain;

/// <summary>Where a change of a service list stands (<c>team_changes.status</c>).</summary>
internal static class TeamChangeStatus
{
    /// <summary>Made by someone entitled to it, in effect at once.</summary>
    public const string Applied = "applied";

    /// <summary>Proposed by the team, waiting for its coordinator.</summary>
    public const string Pending = "pending";

    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>Replaced by a newer proposal of the team before anyone decided.</summary>
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> All { get; } = [Applied, Pending, Approved, Rejected, Withdrawn];
}
