namespace Dispatch.Gateway.Teams;

/// <summary>The team registry's <c>GET /api/places/streets/{id}</c> (its communities are not needed here).</summary>
internal sealed record StreetPlace(Guid Id, string Name, Guid DistrictId, string? DistrictName);
