namespace Dispatch.Needs.Domain;

/// <summary>
/// Which team reads a need, and when it reads the resident's contact name, phone and exact address with it. A team
/// reads the needs whose orders it holds or has served. It reads the contact only while it holds the order (claimed
/// or in service) and for a few days after completing it, for follow-up; never once the order was cancelled,
/// released or went to another team (the need no longer names it, or is no longer its), nor while the team is
/// suspended or retired.
/// </summary>
internal static class ContactAccess
{
    private static readonly string[] Held = [NeedStatus.Claimed, NeedStatus.InService];
    private static readonly string[] Served = [NeedStatus.Completed, NeedStatus.Closed];

    public static bool TeamReads(Need need, Guid teamId) =>
        need.ClaimedByTeamId == teamId && (Held.Contains(need.Status) || Served.Contains(need.Status));

    public static bool TeamReadsContact(Need need, Guid teamId, bool teamStopped, DateTimeOffset now, TimeSpan afterCompletion) =>
        TeamReads(need, teamId) && !teamStopped
        && (Held.Contains(need.Status) || need.CompletedAt is { } completed && now - completed < afterCompletion);
}
