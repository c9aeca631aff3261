namespace Dispatch.Teams.Apis;

/// <summary>A team, the community it is based in, and its service hours and orders served in the year.</summary>
internal sealed record TeamHours(Guid TeamId, string TeamName, Guid CommunityId, string CommunityName, decimal ServiceHours, int OrdersServed);
