namespace Dispatch.Teams.Apis;

/// <summary>One community's volunteer figures: those of the teams based there.</summary>
internal sealed record CommunityVolunteerFigures(
    Guid CommunityId,
    string CommunityName,
    int RegisteredVolunteers,
    int ActiveVolunteers,
    decimal ServiceHours,
    int OrdersServed,
    IReadOnlyList<TeamHours> TopTeams);
