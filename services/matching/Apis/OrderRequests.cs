namespace Dispatch.Matching.Apis;

// Bodies of the order endpoints: every field nullable so a missing one is a 400 naming it, not a binding failure.

internal sealed record ReleaseRequest(string? Reason);

internal sealed record DeclineRequest(string? Reason);

/// <summary>Body of POST /api/orders/{needId}/direct: the team of the coordinator's street, and why (optional).</summary>
internal sealed record DirectRequest(Guid? TeamId, string? Reason);

/// <summary>
/// Who served and how long (<see cref="Attendance"/>), from which the totals follow; or, as before attendance was
/// recorded, only the totals.
/// </summary>
internal sealed record CompleteRequest(decimal? ServiceHours, int? VolunteersCount, string? Summary, AttendanceRequest?[]? Attendance = null);

internal sealed record AttendanceRequest(Guid? MemberId, decimal? Hours);

internal sealed record ReassignRequest(Guid? TeamId, string? Reason);

/// <summary>Asking for a transfer, and declining one: the reason is required; approving takes an optional one.</summary>
internal sealed record TransferReasonRequest(string? Reason);
