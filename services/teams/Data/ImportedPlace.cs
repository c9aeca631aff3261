namespace Dispatch.Teams.Data;

/// <summary>What importing one row of a place list did: the community's id, and which of the three places it added.</summary>
internal sealed record ImportedPlace(Guid CommunityId, bool CommunityCreated, bool StreetCreated, bool DistrictCreated);
