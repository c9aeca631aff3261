namespace Dispatch.Teams.Apis;

/// <summary>Body of POST /api/places/districts and …/streets.</summary>
internal sealed record PlaceRequest(string? Name);

/// <summary>Body of POST /api/places/streets/{streetId}/communities.</summary>
internal sealed record CommunityRequest(string? Name, string? BranchName);
