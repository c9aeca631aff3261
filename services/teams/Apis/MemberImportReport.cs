namespace Dispatch.Teams.Apis;

/// <summary>What a member import did with each row, and the totals.</summary>
internal sealed record MemberImportReport(int Created, int Duplicates, int Invalid, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<MemberImportRow> Rows);
