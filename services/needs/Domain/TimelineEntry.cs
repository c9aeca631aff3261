namespace Dispatch.Needs.Domain;

/// <summary>A row of <c>need_timeline</c>: one transition, who made it and why.</summary>
internal sealed class TimelineEntry
{
    public DateTimeOffset At { get; init; }
    public string? FromStatus { get; init; }
    public string ToStatus { get; init; } = "";
    public string Actor { get; init; } = "";
    public string? Reason { get; init; }
}
