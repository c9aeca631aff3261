using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Teams.Data;

/// <summary>
/// Adds events to a team's track record, inside the consumer's unit of work (so the inbox row and the
/// count commit together and a redelivered event is never counted twice). Each event adds to its own
/// counters only, so the order events arrive in does not matter.
/// </summary>
internal static class TrackRecordStore
{
    public static Task AddAsync(UnitOfWork unit, Guid teamId, TrackRecordDelta delta, CancellationToken ct) =>
        unit.ExecuteAsync("""
            insert into team_track_records (team_id, orders_claimed, orders_completed, orders_released, service_hours,
                                            volunteers_engaged, ratings_count, ratings_sum, orders_reassigned,
                                            orders_auto_released, orders_transferred, resident_ratings_count, resident_ratings_sum)
            values (@teamId, @Claimed, @Completed, @Released, @ServiceHours, @Volunteers, @Ratings, @RatingSum, @Reassigned, @AutoReleased,
                    @Transferred, @ResidentRatings, @ResidentRatingSum)
            on conflict (team_id) do update
            set orders_claimed = team_track_records.orders_claimed + excluded.orders_claimed,
                orders_completed = team_track_records.orders_completed + excluded.orders_completed,
                orders_released = team_track_records.orders_released + excluded.orders_released,
                service_hours = team_track_records.service_hours + excluded.service_hours,
                volunteers_engaged = team_track_records.volunteers_engaged + excluded.volunteers_engaged,
                ratings_count = team_track_records.ratings_count + excluded.ratings_count,
                ratings_sum = team_track_records.ratings_sum + excluded.ratings_sum,
                orders_reassigned = team_track_records.orders_reassigned + excluded.orders_reassigned,
                orders_auto_released = team_track_records.orders_auto_released + excluded.orders_auto_released,
                orders_transferred = team_track_records.orders_transferred + excluded.orders_transferred,
                resident_ratings_count = team_track_records.resident_ratings_count + excluded.resident_ratings_count,
                resident_ratings_sum = team_track_records.resident_ratings_sum + excluded.resident_ratings_sum
            """, new
        {
            teamId, delta.Claimed, delta.Completed, delta.Released, delta.ServiceHours, delta.Volunteers, delta.Ratings, delta.RatingSum,
            delta.Reassigned, delta.AutoReleased, delta.Transferred, delta.ResidentRatings, delta.ResidentRatingSum,
        }, ct);
}
