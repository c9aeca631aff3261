namespace Dispatch.Contracts;

/// <summary>A community (with its street and district) was added or renamed in the place directory.</summary>
public sealed record CommunityRegistered(
    Guid CommunityId,
    string Name,
    string BranchName,
    Guid StreetId,
    string StreetName,
    Guid DistrictId,
    string DistrictName);
