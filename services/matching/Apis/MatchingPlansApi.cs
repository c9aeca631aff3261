using Dispatch.Matching.Data;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Matching.Apis;

/// <summary>
/// The matching meeting (项目供需对接会): the coordinator asks for a plan over the street's open
/// needs, reviews it, and confirms it; the planned orders then go out as directed orders.
/// </summary>
internal static class MatchingPlansApi
{
    public static IEndpointRouteBuilder MapMatchingPlansApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/matching-plans").RequireAuthorization(Policies.CoordinatorOrAdmin);
        plans.MapPost("/", Create);
        plans.MapGet("/{id:guid}", Get);
        plans.MapPost("/{id:guid}/confirm", Confirm);
        return app;
    }

    private static async Task<Results<Created<PlanView>, ValidationProblem, ProblemHttpResult>> Create(
        CreatePlanRequest? body, Caller caller, PlanStore store, TimeProvider clock, CancellationToken ct)
    {
        if (caller.IsAdmin && body?.StreetId is null)
            return ValidationErrors.For("streetId", "streetId is required.");
        if (StreetOf(caller, body?.StreetId) is not { } streetId)
            return Problems.Forbidden("A coordinator plans the matching meeting of its own street only.");

        var needs = await store.OpenNeedsAsync(streetId, ct);
        var teams = await store.TeamsAsync(streetId, ct);
        var plan = MeetingPlanner.Plan(needs, teams);
        var reasons = Reasons(plan, needs, teams);
        var id = await store.SaveAsync(streetId, caller.AccountId, needs, plan, reasons, clock.GetUtcNow(), ct);

        var view = await ViewAsync(id, store, ct);
        return TypedResults.Created($"/api/matching-plans/{id}", view!);
    }

    private static async Task<Results<Ok<PlanView>, ProblemHttpResult>> Get(Guid id, Caller caller, PlanStore store, CancellationToken ct)
    {
        var header = await store.FindAsync(id, ct);
        if (header is null || StreetOf(caller, header.StreetId) != header.StreetId)
            return Problems.NotFound("matching plan", id);
        return TypedResults.Ok((await ViewAsync(id, store, ct))!);
    }

    private static async Task<Results<Ok<PlanConfirmed>, ProblemHttpResult>> Confirm(
        Guid id, Caller caller, PlanStore store, TimeProvider clock, CancellationToken ct)
    {
        var header = await store.FindAsync(id, ct);
        if (header is null || StreetOf(caller, header.StreetId) != header.StreetId)
            return Problems.NotFound("matching plan", id);
        if (await store.ConfirmAsync(id, caller.Actor, clock.GetUtcNow(), ct) is not { } directed)
            return Problems.Conflict("Plan already confirmed", "This plan was confirmed before; ask for a new plan.");
        var planned = (await store.LinesAsync(id, ct)).Where(l => l.TeamId is not null).Select(l => l.NeedId);
        return TypedResults.Ok(new PlanConfirmed(id, PlanStore.Confirmed, directed, planned.Except(directed).ToList()));
    }

    /// <summary>The street the caller may plan for: a coordinator its own, an admin the one it names; null when neither.</summary>
    private static Guid? StreetOf(Caller caller, Guid? requested) =>
        caller.IsAdmin ? requested
        : caller.StreetId is { } own && (requested is null || requested == own) ? own
        : null;

    private static Dictionary<Guid, string> Reasons(MeetingPlan plan, IReadOnlyList<Order> needs, IReadOnlyList<Team> teams)
    {
        var needById = needs.ToDictionary(n => n.NeedId);
        var teamById = teams.ToDictionary(t => t.TeamId);
        return plan.Assignments.ToDictionary(a => a.NeedId, a => HallRanking.Score(needById[a.NeedId], teamById[a.TeamId]).Reason);
    }

    private static async Task<PlanView?> ViewAsync(Guid id, PlanStore store, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } header)
            return null;
        var lines = (await store.LinesAsync(id, ct))
            .Select(l => new PlanItem(l.NeedId, l.Title, l.Category, l.CommunityId, l.CommunityName, l.TeamId, l.TeamName, l.Score, l.Reason))
            .ToList();
        return new PlanView(header.Id, header.StreetId, header.Status, header.CreatedAt, header.ConfirmedAt, header.NeedsCount,
            header.MatchedCount, header.TotalScore, lines.Where(l => l.TeamId is not null).ToList(), lines.Where(l => l.TeamId is null).ToList());
    }
}
