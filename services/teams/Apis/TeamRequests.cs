namespace Dispatch.Teams.Apis;

/// <summary>Body of POST /api/teams and /api/teams/applications; everything nullable so that a missing field is a 400 naming it.</summary>
internal sealed record RegisterTeamRequest(
    string? Name,
    string? Kind,
    Guid? CommunityId,
    string[]? Categories,
    string[]? Skills,
    int? Capacity,
    int? MembersCount,
    string? LeaderName,
    string? LeaderPhone,
    string? ServiceArea,
    string[]? Availability = null,
    string? Mentor = null,
    int? CapacityCeiling = null);

/// <summary>Body of PATCH /api/teams/{id}: the service-list fields to change; absent ones stay as they are.</summary>
internal sealed record ProfileRequest(
    string? Name,
    string? Kind,
    string[]? Categories,
    string[]? Skills,
    string? ServiceArea,
    int? Capacity,
    string[]? Availability,
    int? MembersCount,
    string? LeaderName,
    string? LeaderPhone,
    int? CapacityCeiling = null);

/// <summary>Body of POST /api/teams/{id}/changes/{changeId}/reject: why the proposal is turned down.</summary>
internal sealed record RejectChangeRequest(string? Reason);

/// <summary>Body of POST /api/teams/{id}/incubate · hatch · suspend · retire (optional): why, and the mentor from this step on.</summary>
internal sealed record TransitionRequest(string? Reason, string? Mentor);
