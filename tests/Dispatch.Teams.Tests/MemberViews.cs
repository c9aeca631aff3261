namespace Dispatch.Teams.Tests;

// The member list, the ledger and certificates as the tests read them back.

public sealed record MemberView(
    Guid Id, Guid TeamId, string Name, string? Phone, string[] Skills, DateOnly JoinedOn, DateOnly? LeftOn, decimal ServiceHours, long Version, DateTimeOffset CreatedAt);

public sealed record MemberPage(MemberView[] Items, long Total);

public sealed record ServiceRecordView(
    Guid Id, Guid MemberId, Guid TeamId, string TeamName, Guid NeedId, DateOnly ServedOn, string Category, string CategoryName,
    Guid CommunityId, string? CommunityName, decimal Hours, string RecordedBy, DateTimeOffset RecordedAt, Guid? CorrectsId,
    string? Reason, Guid? CorrectedById, bool Current);

public sealed record ServiceRecordPage(ServiceRecordView[] Items, long Total);

public sealed record CertificateLineView(string Category, string CategoryName, int Orders, decimal Hours);

public sealed record CertificateView(
    string Code, Guid MemberId, Guid TeamId, string VolunteerName, string Organisation, string Issuer, DateOnly From, DateOnly To,
    decimal Hours, CertificateLineView[] Services, DateOnly IssuedOn, string IssuedBy, DateTimeOffset IssuedAt, string Pdf, string VerifyUrl);

public sealed record MemberImportView(int Created, int Duplicates, int Invalid, string[] IgnoredColumns, MemberImportRowView[] Rows);

public sealed record MemberImportRowView(int Line, string Outcome, string? Name, Guid? MemberId, Dictionary<string, string[]>? Errors);

public sealed record VolunteerCountsView(int RegisteredVolunteers, int ActiveVolunteers, decimal ServiceHours, int OrdersServed);

public sealed record TeamHoursView(Guid TeamId, string TeamName, Guid CommunityId, string CommunityName, decimal ServiceHours, int OrdersServed);

public sealed record CommunityVolunteerFiguresView(
    Guid CommunityId, string CommunityName, int RegisteredVolunteers, int ActiveVolunteers, decimal ServiceHours, int OrdersServed, TeamHoursView[] TopTeams);

public sealed record VolunteerFiguresView(int Year, Guid StreetId, string StreetName, VolunteerCountsView Totals, CommunityVolunteerFiguresView[] ByCommunity, TeamHoursView[] TopTeams);
