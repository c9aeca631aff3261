namespace Dispatch.Teams.Apis;

/// <summary>What a roster import did with each row, and the totals.</summary>
internal sealed record ImportReport(int Created, int Duplicates, int Invalid, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<ImportRowReport> Rows);

/// <summary>
/// One row: <c>created</c> (a new team), <c>duplicate</c> (the street already has a team of this name, from an
/// earlier import, an earlier row or POST /api/teams: <see cref="TeamId"/> names it; nothing was changed) or
/// <c>invalid</c> (<see cref="Errors"/> by field, as POST /api/teams would say).
/// </summary>
internal sealed record ImportRowReport(int Line, string Outcome, string? Name, Guid? TeamId, IDictionary<string, string[]>? Errors)
{
    public const string Created = "created";
    public const string Duplicate = "duplicate";
    public const string Invalid = "invalid";
}
