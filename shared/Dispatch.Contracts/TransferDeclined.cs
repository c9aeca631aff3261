namespace Dispatch.Contracts;

/// <summary>
/// A transfer request ended without moving the order: the holder or a coordinator declined it (<c>Lapsed</c> false), or it lapsed
/// because the order or the asking team changed meanwhile (<c>Lapsed</c> true, <c>DecidedBy</c> "matching").
/// </summary>
public sealed record TransferDeclined(
    Guid RequestId, Guid NeedId, Guid FromTeamId, Guid ToTeamId, string Reason, string DecidedBy, bool Lapsed, DateTimeOffset DecidedAt);
