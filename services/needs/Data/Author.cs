namespace Dispatch.Needs.Data;

/// <summary>The branch writing a need: where it belongs, the account, and the name its timeline shows.</summary>
internal sealed record Author(Guid CommunityId, Guid StreetId, Guid DistrictId, Guid CreatedBy, string Actor);
