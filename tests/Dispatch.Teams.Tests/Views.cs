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
    string? LeaderPhone,
    string[] Availability,
    string? Mentor,
    long Version,
    TrackRecordView TrackRecord,
    int CapacityCeiling = 0,
    Guid? PendingChangeId = null);

public sealed record TrackRecordView(
    int OrdersClaimed,
    int OrdersCompleted,
    int OrdersReleased,
    decimal ServiceHours,
    int VolunteersEngaged,
    decimal? AverageRating,
    int RatingsCount);

public sealed record TeamPage(TeamView[] Items, long Total);

public sealed record HistoryView(DateTimeOffset At, string? FromStatus, string ToStatus, string Actor, string? Reason, string? Mentor);

public sealed record ImportReportView(int Created, int Duplicates, int Invalid, string[] IgnoredColumns, ImportRowView[] Rows);

public sealed record ImportRowView(int Line, string Outcome, string? Name, Guid? TeamId, Dictionary<string, string[]>? Errors);

public sealed record ProblemView(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);

public sealed record ProfileFieldsView(
    string? Name,
    string? Kind,
    string[]? Categories,
    string[]? Skills,
    string? ServiceArea,
    int? Capacity,
    int? CapacityCeiling,
    string[]? Availability,
    int? MembersCount,
    string? LeaderName,
    string? LeaderPhone);

public sealed record TeamChangeView(
    Guid Id,
    Guid TeamId,
    string TeamName,
    string Status,
    ProfileFieldsView Before,
    ProfileFieldsView After,
    string ChangedBy,
    string ChangedByRole,
    DateTimeOffset ChangedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason);

public sealed record TeamChangePage(TeamChangeView[] Items, long Total);

public sealed record PlaceImportView(int Created, int Duplicates, int Invalid, int DistrictsCreated, int StreetsCreated, string[] IgnoredColumns, PlaceImportRowView[] Rows);

public sealed record PlaceImportRowView(int Line, string Outcome, string? District, string? Street, string? Community, Guid? CommunityId, Dictionary<string, string[]>? Errors);
