namespace Dispatch.Needs.Apis;

/// <summary>What an import did with each row of the needs list, and the totals.</summary>
internal sealed record ImportReport(int Created, int Duplicates, int Invalid, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<ImportRowReport> Rows);

/// <summary>
/// One row: <c>created</c> (a new draft), <c>duplicate</c> (this community already has it from an earlier
/// import or an earlier row: <see cref="NeedId"/> names it) or <c>invalid</c> (<see cref="Errors"/> by field, as POST /api/needs would say).
/// </summary>
internal sealed record ImportRowReport(int Line, string Outcome, string? Title, Guid? NeedId, IDictionary<string, string[]>? Errors)
{
    public const string Created = "created";
    public const string Duplicate = "duplicate";
    public const string Invalid = "invalid";
}
