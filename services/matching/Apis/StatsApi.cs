using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Matching.Apis;

/// <summary>The figures coordinators watch: how many published orders got claimed and served.</summary>
internal static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats/match-rate", GetMatchRate);
        return app;
    }

    private static async Task<Results<Ok<MatchRateFigures>, ValidationProblem, ProblemHttpResult>> GetMatchRate(
        Caller caller, StatsStore store, Guid? streetId, Guid? communityId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (from is { } start && to is { } end && end <= start)
            return ValidationErrors.For("to", "to must be after from.");

        Guid street;
        if (caller.IsAdmin)
        {
            if (streetId is not { } chosen)
                return ValidationErrors.For("streetId", "streetId is required.");
            street = chosen;
        }
        else if (caller.IsCoordinator && caller.StreetId is { } own)
        {
            if (streetId is { } other && other != own)
                return Problems.Forbidden("A coordinator sees the figures of its own street only.");
            street = own;
        }
        else if (caller.IsBranch && caller.CommunityId is { } community && caller.StreetId is { } branchStreet)
        {
            if (streetId is { } other && other != branchStreet || communityId is { } otherCommunity && otherCommunity != community)
                return Problems.Forbidden("A branch sees the figures of its own community only.");
            street = branchStreet;
            communityId = community;
        }
        else
        {
            return Problems.Forbidden("Only coordinators, branches and admins see the match rate.");
        }

        var figures = await store.MatchRateAsync(street, communityId, from?.ToUniversalTime(), to?.ToUniversalTime(), ct);
        var totals = figures.Totals;
        return TypedResults.Ok(new MatchRateFigures(
            totals.Published,
            totals.Claimed,
            totals.Completed,
            MatchRateFigures.Ratio(totals.Claimed, totals.Published),
            MatchRateFigures.Ratio(totals.Completed, totals.Published),
            totals.MedianSecondsToClaim,
            figures.ByCommunity.Select(c => new CommunityMatchRate(Guid.Parse(c.Key!), c.Name, c.Published, c.Claimed, c.Completed, MatchRateFigures.Ratio(c.Claimed, c.Published))).ToList(),
            figures.ByCategory.Select(c => new CategoryMatchRate(c.Key!, ServiceCategories.Names.GetValueOrDefault(c.Key!, c.Key!), c.Published, c.Claimed, c.Completed, MatchRateFigures.Ratio(c.Claimed, c.Published))).ToList()));
    }
}
