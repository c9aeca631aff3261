namespace Dispatch.ServiceDefaults.Data;

/// <summary>One row of <c>ended_sessions</c>.</summary>
public sealed class EndedSession
{
    public Guid AccountId { get; init; }
    public int Generation { get; init; }
    public DateTimeOffset EndedAt { get; init; }
}
