namespace Dispatch.Needs.Requests;

/// <summary>What the public request page of a community shows: whose page it is, and the services one may ask for.</summary>
internal sealed record CommunityForm(Guid CommunityId, string CommunityName, string BranchName, string StreetName,
    IReadOnlyList<CategoryOption> Categories, int DescriptionLimit);
