using System.Text;
using Dispatch.Contracts;
using Dispatch.Matching.Data;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Matching.Apis;

/// <summary>The figures coordinators watch: how many published orders got claimed and served, how fast, and what still waits.</summary>
internal static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/stats").RequireAuthorization(Policies.BranchCoordinatorOrAdmin);
        stats.MapGet("/match-rate", GetMatchRate);
        stats.MapGet("/match-rate.csv", GetMatchRateCsv);
        stats.MapGet("/unclaimed", GetUnclaimed);
        return app;
    }

    private static async Task<Results<Ok<MatchRateFigures>, ValidationProblem, ProblemHttpResult>> GetMatchRate(
        [AsParameters] MatchRateQuery query, Caller caller, StatsStore store, CancellationToken ct)
    {
        if (Validate(query) is { } invalid)
            return invalid;
        var scope = ScopeOf(caller, query.StreetId, query.CommunityId);
        if (scope.Problem is not null)
            return scope.Problem;
        if (scope.Invalid is not null)
            return scope.Invalid;

        var figures = await store.MatchRateAsync(scope.Street, scope.Community, query.From?.ToUniversalTime(), query.To?.ToUniversalTime(), ct);
        var totals = figures.Totals;
        return TypedResults.Ok(new MatchRateFigures(
            totals.Published,
            totals.Claimed,
            totals.Completed,
            MatchRateFigures.Ratio(totals.Claimed, totals.Published),
            MatchRateFigures.Ratio(totals.Completed, totals.Published),
            totals.MedianSecondsToClaim,
            figures.ByCommunity.Select(c => new CommunityMatchRate(Guid.Parse(c.Key!), c.Name, c.Published, c.Claimed, c.Completed,
                MatchRateFigures.Ratio(c.Claimed, c.Published), MatchRateFigures.Ratio(c.Completed, c.Published), c.MedianSecondsToClaim, c.P90SecondsToClaim)).ToList(),
            figures.ByCategory.Select(c => new CategoryMatchRate(c.Key!, ServiceCategories.Names.GetValueOrDefault(c.Key!, c.Key!), c.Published, c.Claimed, c.Completed,
                MatchRateFigures.Ratio(c.Claimed, c.Published), MatchRateFigures.Ratio(c.Completed, c.Published), c.MedianSecondsToClaim, c.P90SecondsToClaim)).ToList(),
            totals.P90SecondsToClaim,
            figures.ByTeam.Select(t => new TeamMatchRate(Guid.Parse(t.Key!), t.Name, t.Published, t.Completed,
                MatchRateFigures.Ratio(t.Completed, t.Published), t.MedianSecondsToClaim, t.P90SecondsToClaim)).ToList(),
            figures.ByWeek.Select(w => new WeekMatchRate(w.Key!, w.Published, w.Claimed, w.Completed,
                MatchRateFigures.Ratio(w.Claimed, w.Published), MatchRateFigures.Ratio(w.Completed, w.Published), w.MedianSecondsToClaim, w.P90SecondsToClaim)).ToList(),
            new ResidentSatisfaction(figures.Residents.Ratings,
                figures.Residents.Ratings == 0 ? null : Math.Round((double)figures.Residents.ScoreSum / figures.Residents.Ratings, 2),
                MatchRateFigures.Ratio(figures.Residents.Favourable, figures.Residents.Ratings))));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetMatchRateCsv(
        [AsParameters] MatchRateQuery query, Caller caller, StatsStore store, CancellationToken ct)
    {
        if (Validate(query) is { } invalid)
            return invalid;
        var scope = ScopeOf(caller, query.StreetId, query.CommunityId);
        if (scope.Problem is not null)
            return scope.Problem;
        if (scope.Invalid is not null)
            return scope.Invalid;

        var figures = await store.MatchRateAsync(scope.Street, scope.Community, query.From?.ToUniversalTime(), query.To?.ToUniversalTime(), ct);
        // With a byte-order mark, so a spreadsheet opens the Chinese names as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MatchRateCsv.Write(figures))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "match-rate.csv");
    }

    private static async Task<Results<Ok<ItemsPage<UnclaimedItem>>, ValidationProblem, ProblemHttpResult>> GetUnclaimed(
        Guid? streetId, Guid? communityId, [AsParameters] Paging paging, Caller caller, StatsStore store, TimeProvider clock, CancellationToken ct)
    {
        if (paging.Check(new ValidationErrors()) is { Any: true } invalidPaging)
            return invalidPaging.ToProblem();
        var scope = ScopeOf(caller, streetId, communityId);
        if (scope.Problem is not null)
            return scope.Problem;
        if (scope.Invalid is not null)
            return scope.Invalid;

        var (orders, total) = await store.UnclaimedAsync(scope.Street, scope.Community, paging, ct);
        var now = clock.GetUtcNow();
        var items = orders.Select(o => new UnclaimedItem(o.NeedId, o.Title, o.Category, o.CommunityId, o.CommunityName, o.Urgency,
            o.PublishedAt, o.DueAt, o.EscalationLevel, EscalationLadder.Label(o.EscalationLevel), o.TargetTeamId is not null,
            (long)Math.Max(0, (now - o.PublishedAt).TotalSeconds))).ToList();
        return TypedResults.Ok(new ItemsPage<UnclaimedItem>(items, total));
    }

    private static ValidationProblem? Validate(MatchRateQuery query) =>
        query is { From: { } start, To: { } end } && end <= start ? ValidationErrors.For("to", "to must be after from.") : null;

    private sealed record Scope(Guid Street, Guid? Community, ProblemHttpResult? Problem = null, ValidationProblem? Invalid = null);

    /// <summary>Whose figures the caller may see: an admin any street it names, a coordinator its street, a branch its community.</summary>
    private static Scope ScopeOf(Caller caller, Guid? streetId, Guid? communityId)
    {
        if (caller.IsAdmin)
            return streetId is { } chosen ? new Scope(chosen, communityId) : new Scope(default, null, Invalid: ValidationErrors.For("streetId", "streetId is required."));
        if (caller.IsCoordinator && caller.StreetId is { } own)
            return streetId is { } other && other != own
                ? new Scope(default, null, Problems.Forbidden("A coordinator sees the figures of its own street only."))
                : new Scope(own, communityId);
        if (caller.IsBranch && caller.CommunityId is { } community && caller.StreetId is { } branchStreet)
            return streetId is { } other && other != branchStreet || communityId is { } otherCommunity && otherCommunity != community
                ? new Scope(default, null, Problems.Forbidden("A branch sees the figures of its own community only."))
                : new Scope(branchStreet, community);
        return new Scope(default, null, Problems.Forbidden("This account is not bound to a street or a community."));
    }
}
