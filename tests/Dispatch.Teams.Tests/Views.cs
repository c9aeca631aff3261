namespace Dispatch.Teams.Tests;

// The service's JSON as the tests read it back.

public sealed record DistrictView(Guid Id, string Name, StreetNodeView[] Streets);

public sealed record StreetNodeView(Guid Id, string Name, CommunityNodeView[] Communities);

public sealed record CommunityNodeView(Guid Id, string Name, string BranchName);

public sealed record StreetView(Guid Id, string Name, Guid DistrictId, string DistrictName, CommunityNodeView[] Communities);

public sealed record CommunityView(Guid Id, string Name, string BranchName, Guid StreetId, string StreetName, Guid DistrictId, string DistrictName);

public sealed record TeamView(
    Guid Id,
    string Name,
    string Kind,
    Guid CommunityId,
    Guid StreetId,
    Guid DistrictId,
    string[] Categories,
    string[] Skills,
    string ServiceArea,
    int Capacity,
    int MembersCount,
    string Status,
    DateTimeOffset? HatchedAt,
    DateTimeOffset CreatedAt,
    string? LeaderName,
    string? LeaderPhone);

public sealed record TeamPage(TeamView[] Items, long Total);

public sealed record HistoryView(DateTimeOffset At, string? FromStatus, string ToStatus, string Actor, string? Reason);

public sealed record ProblemView(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
