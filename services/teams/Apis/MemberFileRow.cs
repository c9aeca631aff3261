using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Teams.Apis;

/// <summary>One row of a member file read into a member's record, with the problems found while reading its cells.</summary>
internal sealed record MemberFileRow(int Line, MemberRequest Request, ValidationErrors CellErrors);
