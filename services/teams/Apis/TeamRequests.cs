namespace Dispatch.Teams.Apis;

/// <summary>Body of POST /api/teams; everything nullable so that a missing field is a 400 naming it.</summary>
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
    string? ServiceArea);

/// <summary>Body of POST /api/teams/{id}/suspend (optional).</summary>
internal sealed record SuspendRequest(string? Reason);
