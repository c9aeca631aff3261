namespace Dispatch.Matching.Data;

/// <summary>A row of <c>transfer_requests</c>, with the order's title and the two teams' names when read for a list.</summary>
internal sealed class TransferRequest
{
    public Guid Id { get; init; }
    public Guid NeedId { get; init; }
    public Guid FromTeamId { get; init; }
    public Guid ToTeamId { get; init; }
    public Guid StreetId { get; init; }
    public string Reason { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset AutoApproveAt { get; init; }
    public string Status { get; init; } = "";
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionReason { get; init; }
    public string? Title { get; init; }
    public string? FromTeamName { get; init; }
    public string? ToTeamName { get; init; }
}
