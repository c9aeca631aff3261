namespace Dispatch.Teams.Apis;

/// <summary>A street's volunteer figures for a year (GET /api/stats/volunteers): the totals, each community, and the top teams by hours.</summary>
internal sealed record VolunteerFigures(
    int Year,
    Guid StreetId,
    string StreetName,
    VolunteerCounts Totals,
    IReadOnlyList<CommunityVolunteerFigures> ByCommunity,
    IReadOnlyList<TeamHours> TopTeams);
