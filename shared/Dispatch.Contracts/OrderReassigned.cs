namespace Dispatch.Contracts;

/// <summary>
/// A coordinator took the order from a team that may no longer serve it (suspended or retired) and directed it to
/// <paramref name="ToTeamId"/>, which accepts or declines it, or put it back in the hall when that is null.
/// <paramref name="FromStatus"/> says whether the team held it (claimed, in_service) or had only been asked (published).
/// </summary>
public sealed record OrderReassigned(
    Guid NeedId,
    Guid FromTeamId,
    string FromStatus,
    Guid? ToTeamId,
    string Reason,
    string ReassignedBy,
    DateTimeOffset ReassignedAt,
    long Version);
