using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Needs.Apis;

/// <summary>
/// One row of a needs-list import: <c>created</c> (a new draft), <c>duplicate</c> (this community already has it from an
/// earlier import or an earlier row: <see cref="NeedId"/> names it) or <c>invalid</c> (<see cref="Errors"/> by field, as POST /api/needs would say).
/// </summary>
internal sealed record NeedImportRow(int Line, string Outcome, string? Title, Guid? NeedId, IDictionary<string, string[]>? Errors) : IImportRow;
