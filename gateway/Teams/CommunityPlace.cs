namespace Dispatch.Gateway.Teams;

/// <summary>The team registry's <c>GET /api/places/communities/{id}</c>.</summary>
internal sealed record CommunityPlace(Guid Id, string Name, string? BranchName, Guid StreetId, string? StreetName, Guid DistrictId, string? DistrictName);
