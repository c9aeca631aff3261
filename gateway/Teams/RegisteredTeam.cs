namespace Dispatch.Gateway.Teams;

/// <summary>The part of the team registry's <c>GET /api/teams/{id}</c> an account is bound by.</summary>
internal sealed record RegisteredTeam(Guid Id, string Name, Guid CommunityId, Guid StreetId, Guid DistrictId, string? Status);
