using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Matching.Data;

/// <summary>Residents' ratings, as the needs service's <c>ResidentRated</c> events tell; a redelivered one changes nothing.</summary>
internal static class ResidentRatings
{
    public static Task ApplyAsync(UnitOfWork unit, ResidentRated rating, CancellationToken ct) =>
        unit.ExecuteAsync("""
            insert into resident_ratings (request_id, need_id, team_id, community_id, street_id, district_id, score, rated_at)
            values (@RequestId, @NeedId, @TeamId, @CommunityId, @StreetId, @DistrictId, @Score, @RatedAt)
            on conflict (request_id) do nothing
            """, new
        {
            rating.RequestId, rating.NeedId, rating.TeamId, rating.CommunityId, rating.StreetId, rating.DistrictId, rating.Score,
            RatedAt = rating.RatedAt.ToUniversalTime(),
        }, ct);
}
