using Dispatch.ServiceDefaults.Spreadsheets;

namespace Dispatch.Teams.Apis;

/// <summary>What a place-list import did with each row, and the totals (communities, and the districts and streets it added).</summary>
internal sealed class PlaceImportReport(
    IReadOnlyList<PlaceImportRow> rows, IReadOnlyList<string> ignoredColumns, int districtsCreated, int streetsCreated)
    : ImportReport<PlaceImportRow>(rows, ignoredColumns)
{
    public int DistrictsCreated { get; } = districtsCreated;

    public int StreetsCreated { get; } = streetsCreated;
}

/// <summary>
/// One row: <c>created</c> (a new community, and its district and street where they were new too), <c>duplicate</c>
/// (the street has a community of this name already: <see cref="CommunityId"/> names it, nothing was changed) or
/// <c>invalid</c> (<see cref="Errors"/> by field).
/// </summary>
internal sealed record PlaceImportRow(
    int Line, string Outcome, string? District, string? Street, string? Community, Guid? CommunityId, IDictionary<string, string[]>? Errors)
    : IImportRow;
