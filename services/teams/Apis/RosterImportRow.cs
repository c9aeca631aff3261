using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Teams.Apis;

/// <summary>
/// One row of a roster import: <c>created</c> (a new team), <c>duplicate</c> (the street already has a team of this name, from an
/// earlier import, an earlier row or POST /api/teams: <see cref="TeamId"/> names it; nothing was changed) or
/// <c>invalid</c> (<see cref="Errors"/> by field, as POST /api/teams would say).
/// </summary>
internal sealed record RosterImportRow(int Line, string Outcome, string? Name, Guid? TeamId, IDictionary<string, string[]>? Errors) : IImportRow;
