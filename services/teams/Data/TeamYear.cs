namespace Dispatch.Teams.Data;

/// <summary>One team's year: where it is based, its hours (ledger and orders reported as totals only) and its orders served.</summary>
internal sealed record TeamYear(Guid TeamId, string TeamName, Guid CommunityId, decimal ServiceHours, int OrdersServed);
