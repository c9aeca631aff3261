namespace Dispatch.Teams.Domain;

/// <summary>
/// A row of the service-hours ledger: hours one member served on one order, as the team reported them at completion
/// or as a later correction (<see cref="CorrectsId"/> names the row it replaces, <see cref="Reason"/> says why).
/// </summary>
internal sealed class ServiceRecord
{
    public Guid Id { get; init; }
    public Guid MemberId { get; init; }
    public Guid TeamId { get; init; }
    public string TeamName { get; init; } = "";
    public Guid NeedId { get; init; }
    public DateOnly ServedOn { get; init; }
    public string Category { get; init; } = "";
    public Guid CommunityId { get; init; }
    public string? CommunityName { get; init; }
    public decimal Hours { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
    public Guid? CorrectsId { get; init; }
    public string? Reason { get; init; }

    /// <summary>The correction that replaced this row, if one did; a row without one is current.</summary>
    public Guid? CorrectedById { get; init; }

    public bool IsCurrent => CorrectedById is null;
}
