namespace Dispatch.Contracts;

/// <summary>
/// A transfer request was approved — by the holder, the street's coordinator, or by itself after <c>Transfers__AutoApproveAfter</c>
/// (<c>ApprovedBy</c> "matching") — and the claimed order moved from <paramref name="FromTeamId"/> to <paramref name="ToTeamId"/>, which
/// now holds it: one place freed, one taken, in the same transaction.
/// </summary>
public sealed record OrderTransferred(
    Guid NeedId, Guid RequestId, Guid FromTeamId, Guid ToTeamId, string Reason, string ApprovedBy, DateTimeOffset TransferredAt, long Version);
