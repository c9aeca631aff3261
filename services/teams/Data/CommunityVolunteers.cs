namespace Dispatch.Teams.Data;

/// <summary>How many members of a community's teams were registered in a year, and how many of them served.</summary>
internal sealed record CommunityVolunteers(Guid CommunityId, int Registered, int Active);
