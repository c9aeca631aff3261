namespace Dispatch.Contracts;

/// <summary>
/// <paramref name="ToTeamId"/> asked <paramref name="FromTeamId"/>, the holder of a claimed order, to hand it over; unless the holder
/// (or the street's coordinator) decides first, the request approves itself at <paramref name="AutoApproveAt"/>.
/// </summary>
public sealed record TransferRequested(
    Guid RequestId, Guid NeedId, Guid FromTeamId, Guid ToTeamId, string Reason, string RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset AutoApproveAt);
