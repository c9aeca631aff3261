namespace Dispatch.Needs.Requests;

/// <summary>
/// What the public request page of a community shows: whose page it is, the services one may ask for, and the figures
/// its personal-information notice names (how long the serving team reads the contact, how long it is kept).
/// </summary>
internal sealed record CommunityForm(Guid CommunityId, string CommunityName, string BranchName, string StreetName,
    IReadOnlyList<CategoryOption> Categories, int DescriptionLimit, int ContactDaysAfterCompletion, int RetentionDays);
