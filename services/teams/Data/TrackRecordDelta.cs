namespace Dispatch.Teams.Data;

/// <summary>What one event adds to a team's track record.</summary>
internal sealed record TrackRecordDelta(
    int Claimed = 0,
    int Completed = 0,
    int Released = 0,
    decimal ServiceHours = 0,
    int Volunteers = 0,
    int Ratings = 0,
    int RatingSum = 0,
    int Reassigned = 0,
    int AutoReleased = 0,
    int Transferred = 0,
    int ResidentRatings = 0,
    int ResidentRatingSum = 0);
