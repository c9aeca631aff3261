namespace Dispatch.Teams.Domain;

/// <summary>A row of <c>team_history</c>: one status change, who made it, why, and the mentor social worker at that step.</summary>
internal sealed class TeamHistoryEntry
{
    public DateTimeOffset At { get; init; }
    public string? FromStatus { get; init; }
    public string ToStatus { get; init; } = "";
    public string Actor { get; init; } = "";
    public string? Reason { get; init; }
    public string? Mentor { get; init; }
}
