using Dispatch.ServiceDefaults.Http;

namespace Dispatch.Teams.Apis;

/// <summary>
/// One row of a roster file read into a registration, with the community cell as written (a name in
/// the coordinator's street, or an id) and the problems found while reading its cells.
/// </summary>
internal sealed record RosterRow(int Line, RegisterTeamRequest Request, string? Community, ValidationErrors CellErrors);
