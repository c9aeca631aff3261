using Dispatch.Matching.Data;

namespace Dispatch.Matching.Apis;

/// <summary>A transfer request as its two teams and the street's coordinator see it.</summary>
internal sealed record TransferView(
    Guid Id,
    Guid NeedId,
    string? Title,
    Guid FromTeamId,
    string? FromTeamName,
    Guid ToTeamId,
    string? ToTeamName,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset AutoApproveAt,
    string Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason)
{
    public static TransferView From(TransferRequest r) => new(r.Id, r.NeedId, r.Title, r.FromTeamId, r.FromTeamName, r.ToTeamId, r.ToTeamName,
        r.Reason, r.RequestedBy, r.RequestedAt, r.AutoApproveAt, r.Status, r.DecidedBy, r.DecidedAt, r.DecisionReason);
}
