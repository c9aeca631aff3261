using Dispatch.Matching.Data;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Escalation;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Apis;

/// <summary>
/// A coordinator's hand on its street's orders: a team's orders, and reassigning an order a suspended or retired
/// team still holds (SPEC.md: it keeps what it holds until a coordinator reassigns it). An admin may do both anywhere.
/// </summary>
internal static class StreetOrdersApi
{
    private const int ReasonLength = 500;

    public static IEndpointRouteBuilder MapStreetOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization(Policies.CoordinatorOrAdmin);
        orders.MapGet("/", ListTeamOrders);
        orders.MapGet("/overdue", ListOverdue);
        orders.MapPost("/{needId:guid}/reassign", Reassign);
        return app;
    }

    /// <summary>The orders a team holds or held, and the directed ones waiting for its answer, newest first.</summary>
    private static async Task<Results<Ok<ItemsPage<TeamOrder>>, ValidationProblem, ProblemHttpResult>> ListTeamOrders(
        Guid? teamId, string? status, [AsParameters] Paging paging, Caller caller, OrderStore store, IOptions<ClaimsOptions> claims,
        CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(teamId is not null, "teamId", "teamId is required.")
            .Require(status is null || OrderStatus.All.Contains(status), "status", $"status must be one of {string.Join(", ", OrderStatus.All)}.");
        if (errors.Any)
            return errors.ToProblem();
        if (paging.Check(new ValidationErrors()) is { Any: true } invalid)
            return invalid.ToProblem();
        var team = await store.FindTeamAsync(teamId!.Value, ct);
        if (team is null || !MayRun(caller, team.StreetId))
            return Problems.NotFound("team", teamId.Value);
        var (orders, total) = await store.MineAsync(team.TeamId, status, paging, ct);
        return TypedResults.Ok(new ItemsPage<TeamOrder>(orders.Select(o => TeamOrder.From(o, claims.Value.StartGrace)).ToList(), total));
    }

    /// <summary>The street's claimed orders past their start that their teams have not started, the soonest to be released first.</summary>
    private static async Task<Results<Ok<ItemsPage<OverdueItem>>, ValidationProblem, ProblemHttpResult>> ListOverdue(
        Guid? streetId, [AsParameters] Paging paging, Caller caller, OrderStore store, IOptions<ClaimsOptions> claims, CancellationToken ct)
    {
        if (paging.Check(new ValidationErrors()) is { Any: true } invalid)
            return invalid.ToProblem();
        if ((caller.IsAdmin ? streetId : streetId ?? caller.StreetId) is not { } street)
            return ValidationErrors.For("streetId", "streetId is required.");
        if (!MayRun(caller, street))
            return Problems.Forbidden("A coordinator sees the overdue orders of its own street only.");
        var (orders, total) = await store.OverdueInStreetAsync(street, paging, ct);
        var grace = claims.Value.StartGrace;
        return TypedResults.Ok(new ItemsPage<OverdueItem>(orders.Select(o => new OverdueItem(o.NeedId, o.Title, o.CommunityId, o.CommunityName,
            o.TeamId, o.TeamName, o.StartsAt, o.OverdueAt, o.StartsAt + grace)).ToList(), total));
    }

    /// <summary>
    /// The order leaves the suspended or retired team holding it (or asked to take it) and is published again: directed to
    /// <c>teamId</c> — an eligible, hatched team of the street with a free place, which accepts or declines it — or, without
    /// one, open to every eligible team. The reason goes on the need's timeline.
    /// </summary>
    private static async Task<Results<Ok<OrderReassignment>, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid needId, ReassignRequest? body, Caller caller, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim();
        var errors = new ValidationErrors()
            .RequireText(reason, "reason", ReasonLength)
            .Require(body?.TeamId != Guid.Empty, "teamId", "teamId must be a team id, or left out to put the order back in the hall.");
        if (errors.Any)
            return errors.ToProblem();

        var order = await store.FindAsync(needId, ct);
        if (order is null)
            return Problems.NotFound("order", needId);
        if (!MayRun(caller, order.StreetId))
            return Problems.Forbidden("A coordinator reassigns only its own street's orders.");
        if (order.HolderId is not { } holderId || !OrderLifecycle.Allows(order.Status, OrderAction.Reassign))
            return Problems.Conflict("Order not held", $"The order is {order.Status} and no team holds it; there is nothing to reassign.");
        var holder = await store.FindTeamAsync(holderId, ct);
        if (holder is { IsHatched: true })
            return Problems.Conflict("Team still serving",
                $"{holder.Name} is hatched and keeps its order; only a suspended or retired team's orders are reassigned.");

        if (body!.TeamId is { } toTeamId && await RefuseTargetAsync(order, holderId, toTeamId, caller, store, ct) is { } refused)
            return refused;

        var version = await store.ReassignAsync(needId, holderId, order.Status, body.TeamId, reason!, caller.Username, clock.GetUtcNow(), ct);
        if (version is null)
            return Problems.Conflict("Order changed meanwhile", "The order changed while it was being reassigned; read it again.");
        return TypedResults.Ok(new OrderReassignment(needId, holderId, body.TeamId, OrderLifecycle.To(OrderAction.Reassign), version.Value));
    }

    /// <summary>Why <paramref name="toTeamId"/> may not be given the order, or null: the same rules as a claim, and a place free for it.</summary>
    private static async Task<Results<Ok<OrderReassignment>, ValidationProblem, ProblemHttpResult>?> RefuseTargetAsync(
        Order order, Guid holderId, Guid toTeamId, Caller caller, OrderStore store, CancellationToken ct)
    {
        if (toTeamId == holderId)
            return ValidationErrors.For("teamId", "The order is to leave this team; name another one.");
        var target = await store.FindTeamAsync(toTeamId, ct);
        if (target is null)
            return ValidationErrors.For("teamId", $"There is no team {toTeamId} in the dispatch hall.");
        if (!MayRun(caller, target.StreetId))
            return Problems.Forbidden("A coordinator reassigns orders only to its own street's teams.");
        var promised = target.OpenOrders + await store.DirectedAwaitingAsync(toTeamId, ct);
        if (OrderMove.Refusal(target, order, promised) is { } refusal)
            return Problems.Conflict(refusal.Title, refusal.Detail);
        return null;
    }

    private static bool MayRun(Caller caller, Guid streetId) => caller.IsAdmin || caller.StreetId == streetId;
}
