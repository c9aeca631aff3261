namespace Dispatch.Teams.Domain;

/// <summary>
/// What a team has done, counted from order and rating events (<c>team_track_records</c>): the branches' ratings and
/// the residents' own, each its own figure.
/// </summary>
internal sealed record TrackRecord(
    int OrdersClaimed,
    int OrdersCompleted,
    int OrdersReleased,
    decimal ServiceHours,
    int VolunteersEngaged,
    int RatingsCount,
    int RatingsSum,
    int OrdersReassigned,
    int OrdersAutoReleased,
    int OrdersTransferred,
    int ResidentRatingsCount,
    int ResidentRatingsSum)
{
    /// <summary>Null until the team's first rating, rounded to two places for people to read.</summary>
    public decimal? AverageRating => RatingsCount == 0 ? null : Math.Round((decimal)RatingsSum / RatingsCount, 2);

    /// <summary>The residents' average score (评单 by the people served), null until the first.</summary>
    public decimal? AverageResidentRating => ResidentRatingsCount == 0 ? null : Math.Round((decimal)ResidentRatingsSum / ResidentRatingsCount, 2);
}
