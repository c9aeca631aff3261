namespace Dispatch.Needs.Domain;

/// <summary>One <c>Order*</c> event of the matching service, in the shape the needs service mirrors.</summary>
internal sealed record OrderUpdate(
    Guid NeedId,
    OrderProgress Progress,
    long Version,
    DateTimeOffset At,
    Guid? TeamId = null,
    string? Reason = null,
    int? EscalationLevel = null,
    decimal? ServiceHours = null,
    int? VolunteersCount = null,
    string? Summary = null,
    Guid? TargetTeamId = null,
    string? By = null,
    string? FromStatus = null)
{
    /// <summary>Who the timeline names: whoever the event says acted, else the team when the event is about one, else the matching service.</summary>
    public string Actor => By ?? TeamId?.ToString() ?? "matching";
}
