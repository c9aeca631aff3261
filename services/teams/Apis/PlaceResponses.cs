namespace Dispatch.Teams.Apis;

internal sealed record DistrictNode(Guid Id, string Name, IReadOnlyList<StreetNode> Streets);

internal sealed record StreetNode(Guid Id, string Name, IReadOnlyList<CommunityNode> Communities);

internal sealed record CommunityNode(Guid Id, string Name, string BranchName);

internal sealed record StreetDetail(Guid Id, string Name, Guid DistrictId, string DistrictName, IReadOnlyList<CommunityNode> Communities);

internal sealed record CommunityDetail(Guid Id, string Name, string BranchName, Guid StreetId, string StreetName, Guid DistrictId, string DistrictName);
