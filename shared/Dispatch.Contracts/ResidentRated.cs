namespace Dispatch.Contracts;

/// <summary>
/// A resident rated the service of their request (评单 by the resident), beside the branch's own rating. It carries
/// the score only: the comment, which may name the resident, stays in the needs service.
/// </summary>
public sealed record ResidentRated(
    Guid RequestId,
    Guid NeedId,
    Guid? TeamId,
    Guid CommunityId,
    Guid StreetId,
    Guid DistrictId,
    int Score,
    DateTimeOffset RatedAt);
