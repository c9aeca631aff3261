using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Teams.Apis;

/// <summary>
/// One row of a member import: <c>created</c> (a new member), <c>duplicate</c> (the team already lists this name and phone,
/// from an earlier import, an earlier row or POST …/members: <see cref="MemberId"/> names them; nothing changed) or
/// <c>invalid</c> (<see cref="Errors"/> by field, as POST …/members would say).
/// </summary>
internal sealed record MemberImportRow(int Line, string Outcome, string? Name, Guid? MemberId, IDictionary<string, string[]>? Errors) : IImportRow;
