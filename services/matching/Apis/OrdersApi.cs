using Dispatch.Matching.Data;
using Dispatch.Matching.Domain;
using Dispatch.Matching.Escalation;
using Dispatch.Matching.Telemetry;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dispatch.Matching.Apis;

/// <summary>The dispatch hall and everything a team does with an order.</summary>
internal static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").RequireAuthorization(Policies.Team);
        orders.MapGet("/hall", GetHall);
        orders.MapGet("/mine", GetMine);
        orders.MapPost("/{needId:guid}/claim", Claim).AddEndpointFilter(CountedAs(OrderAction.Claim));
        orders.MapPost("/{needId:guid}/accept", Accept).AddEndpointFilter(CountedAs(OrderAction.Accept));
        orders.MapPost("/{needId:guid}/decline", Decline);
        orders.MapPost("/{needId:guid}/release", Release);
        orders.MapPost("/{needId:guid}/start", Start);
        orders.MapPost("/{needId:guid}/complete", Complete);
        // The one order action that is the coordinator's, not a team's.
        app.MapPost("/api/orders/{needId:guid}/direct", Direct).RequireAuthorization(Policies.Coordinator);
        return app;
    }

    private static async Task<Results<Ok<HallPage>, ValidationProblem, ProblemHttpResult>> GetHall(
        [AsParameters] Paging paging, Caller caller, OrderStore store, IOptions<ClaimsOptions> claims, CancellationToken ct)
    {
        if (caller.TeamId is not { } teamId)
            return NotBoundToATeam();
        if (paging.Check(new ValidationErrors()) is { Any: true } invalid)
            return invalid.ToProblem();

        var team = await store.FindTeamAsync(teamId, ct);
        if (team is null || !team.IsHatched || team.IsFull)
            return TypedResults.Ok(new HallPage([], 0));
        if (await OverduePauseAsync(teamId, store, claims.Value, ct) is { } paused)
            return TypedResults.Ok(new HallPage([], 0, paused));

        var candidates = await store.HallCandidatesAsync(team, ct);
        var ranked = HallRanking.Rank(candidates.Where(o => ClaimEligibility.Refusal(team, o) is null), team);
        var items = ranked.Skip(paging.Offset).Take(paging.Size)
            .Select(x => new HallItem(x.Order.NeedId, x.Order.Title, x.Order.Category, x.Order.CommunityId, x.Order.CommunityName,
                x.Order.VolunteersNeeded, x.Order.StartsAt, x.Order.EndsAt, x.Score.Score, x.Score.Reason, x.Order.TargetTeamId is not null, x.Order.EscalationLevel))
            .ToList();
        return TypedResults.Ok(new HallPage(items, ranked.Count));
    }

    /// <summary>Why the team may claim nothing now: it holds as many overdue orders as the limit allows, or more.</summary>
    private static async Task<HallPause?> OverduePauseAsync(Guid teamId, OrderStore store, ClaimsOptions claims, CancellationToken ct)
    {
        var overdue = (int)await store.OverdueHeldAsync(teamId, ct);
        return overdue < claims.OverdueLimit
            ? null
            : new HallPause($"Your team holds {overdue} overdue orders (limit {claims.OverdueLimit}): start or release them before claiming more.",
                overdue, claims.OverdueLimit);
    }

    private static async Task<Results<Ok<ItemsPage<TeamOrder>>, ValidationProblem, ProblemHttpResult>> GetMine(
        string? status, [AsParameters] Paging paging, Caller caller, OrderStore store, IOptions<ClaimsOptions> claims, CancellationToken ct)
    {
        if (caller.TeamId is not { } teamId)
            return NotBoundToATeam();
        if (status is not null && !OrderStatus.All.Contains(status))
            return ValidationErrors.For("status", $"status must be one of {string.Join(", ", OrderStatus.All)}.");
        if (paging.Check(new ValidationErrors()) is { Any: true } invalid)
            return invalid.ToProblem();

        var (orders, total) = await store.MineAsync(teamId, status, paging, ct);
        return TypedResults.Ok(new ItemsPage<TeamOrder>(orders.Select(o => TeamOrder.From(o, claims.Value.StartGrace)).ToList(), total));
    }

    /// <summary>Counts every answer to a claim or an acceptance by its outcome (<c>dispatch.orders.claims</c>).</summary>
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> CountedAs(OrderAction action) =>
        async (context, next) =>
        {
            var result = await next(context);
            var status = result is INestedHttpResult { Result: IStatusCodeHttpResult { StatusCode: { } code } } ? code : context.HttpContext.Response.StatusCode;
            context.HttpContext.RequestServices.GetRequiredService<MatchingMetrics>().ClaimAnswered(action, status);
            return result;
        };

    private static Task<Results<Ok<OrderChanged>, ProblemHttpResult>> Claim(
        Guid needId, Caller caller, OrderStore store, IOptions<ClaimsOptions> claims, TimeProvider clock, CancellationToken ct) =>
        TakeAsync(needId, caller, OrderAction.Claim, store, claims.Value, clock, ct);

    private static Task<Results<Ok<OrderChanged>, ProblemHttpResult>> Accept(
        Guid needId, Caller caller, OrderStore store, IOptions<ClaimsOptions> claims, TimeProvider clock, CancellationToken ct) =>
        TakeAsync(needId, caller, OrderAction.Accept, store, claims.Value, clock, ct);

    private static async Task<Results<Ok<OrderChanged>, ProblemHttpResult>> TakeAsync(
        Guid needId, Caller caller, OrderAction action, OrderStore store, ClaimsOptions claims, TimeProvider clock, CancellationToken ct)
    {
        if (caller.TeamId is not { } teamId)
            return NotBoundToATeam();
        var (order, team) = await store.FindWithTeamAsync(needId, teamId, ct);
        if (order is null)
            return Problems.NotFound("order", needId);
        if (action == OrderAction.Accept && order.TargetTeamId != teamId)
            return NotTheNamedTeam();
        if (ClaimEligibility.Refusal(team, order) is { } refusal)
            return Problems.Forbidden(refusal);
        if (!OrderLifecycle.Allows(order.Status, action))
            return NotClaimable(order.Status, order.TeamId, teamId);
        if (team!.IsFull)
            return CapacityReached(team);
        if (await OverduePauseAsync(teamId, store, claims, ct) is { } paused)
            return Problems.Conflict("Overdue orders held", paused.Reason);

        var claim = await store.ClaimAsync(needId, teamId, action, clock.GetUtcNow(), ct);
        switch (claim.Outcome)
        {
            case ClaimOutcome.Claimed:
                return TypedResults.Ok(new OrderChanged(needId, teamId, OrderStatus.Claimed));
            case ClaimOutcome.OrderTaken:
                // Another request won the race between our read and our update; say who.
                return claim.OrderStatus is { } status ? NotClaimable(status, claim.HolderId, teamId) : Problems.NotFound("order", needId);
            default:
                var latest = await store.FindTeamAsync(teamId, ct);
                return latest is { IsHatched: true } ? CapacityReached(latest) : Problems.Forbidden(ClaimEligibility.Refusal(latest, order) ?? "Your team may not take orders now.");
        }
    }

    private static async Task<Results<Ok<OrderChanged>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid needId, DeclineRequest? body, Caller caller, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        if (body?.Reason is { Length: > 500 })
            return ValidationErrors.For("reason", "reason must be at most 500 characters.");
        if (caller.TeamId is not { } teamId)
            return NotBoundToATeam();
        var order = await store.FindAsync(needId, ct);
        if (order is null)
            return Problems.NotFound("order", needId);
        if (order.TargetTeamId != teamId)
            return NotTheNamedTeam();
        if (!OrderLifecycle.Allows(order.Status, OrderAction.Decline))
            return WrongState(order, OrderAction.Decline);
        if (!await store.DeclineAsync(needId, teamId, body?.Reason, clock.GetUtcNow(), ct))
            return await RefusedAfterRaceAsync(needId, teamId, OrderAction.Decline, store, ct);
        return TypedResults.Ok(new OrderChanged(needId, teamId, OrderStatus.Published));
    }

    /// <summary>
    /// The street's coordinator directs an open order to one hatched team of its street — past the team's service
    /// list (category, skills, area) if it so judges; the need's timeline says so. The team accepts or declines it.
    /// </summary>
    private static async Task<Results<Ok<OrderChanged>, ValidationProblem, ProblemHttpResult>> Direct(
        Guid needId, DirectRequest? body, Caller caller, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(body?.TeamId is { } id && id != Guid.Empty, "teamId", "teamId must be a team id.")
            .Require(body?.Reason is null || body.Reason.Length <= 500, "reason", "reason must be at most 500 characters.");
        if (errors.Any)
            return errors.ToProblem();
        if (caller.StreetId is not { } streetId)
            return Problems.Forbidden("This coordinator account is not bound to a street.");
        var teamId = body!.TeamId!.Value;
        var (order, team) = await store.FindWithTeamAsync(needId, teamId, ct);
        if (order is null || order.StreetId != streetId)
            return Problems.NotFound("order", needId);
        if (team is null)
            return ValidationErrors.For("teamId", $"There is no team with id {teamId}.");
        if (team.StreetId != streetId)
            return Problems.Forbidden("A coordinator directs orders only to the teams of its own street.");
        if (!team.IsHatched)
            return Problems.Forbidden($"Only hatched teams take orders; that team is {team.Status}.");
        if (!OrderLifecycle.Allows(order.Status, OrderAction.Direct))
            return WrongState(order, OrderAction.Direct);

        var outsideServiceList = ClaimEligibility.Refusal(team, order with { TargetTeamId = null }) is not null;
        var reason = $"directed to team {teamId} by the coordinator{(outsideServiceList ? ", outside the team's service list" : "")}"
                     + (string.IsNullOrWhiteSpace(body.Reason) ? "" : $": {body.Reason.Trim()}");
        if (!await store.DirectAsync(needId, teamId, caller.Actor, reason, clock.GetUtcNow(), ct))
            return await store.FindAsync(needId, ct) is { } now ? WrongState(now, OrderAction.Direct) : Problems.NotFound("order", needId);
        return TypedResults.Ok(new OrderChanged(needId, teamId, OrderStatus.Published));
    }

    private static async Task<Results<Ok<OrderChanged>, ValidationProblem, ProblemHttpResult>> Release(
        Guid needId, ReleaseRequest? body, Caller caller, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireText(body?.Reason, "reason", 500);
        if (errors.Any)
            return errors.ToProblem();
        return await AsHolderAsync(needId, caller, OrderAction.Release, store,
            teamId => store.ReleaseAsync(needId, teamId, body!.Reason!, clock.GetUtcNow(), ct), ct);
    }

    private static Task<Results<Ok<OrderChanged>, ValidationProblem, ProblemHttpResult>> Start(
        Guid needId, Caller caller, OrderStore store, TimeProvider clock, CancellationToken ct) =>
        AsHolderAsync(needId, caller, OrderAction.Start, store, teamId => store.StartAsync(needId, teamId, clock.GetUtcNow(), ct), ct);

    private static async Task<Results<Ok<OrderChanged>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid needId, CompleteRequest? body, Caller caller, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = CompletionReport.Validate(body);
        if (errors.Any)
            return errors.ToProblem();
        var completion = CompletionReport.ToCompletion(body!);
        return await AsHolderAsync(needId, caller, OrderAction.Complete, store,
            teamId => store.CompleteAsync(needId, teamId, completion, caller.Username, clock.GetUtcNow(), ct), ct,
            (teamId, order) => CheckAttendanceAsync(teamId, order, completion, store, clock, ct));
    }

    /// <summary>Everyone named must be on the team's member list (as the registry last announced it) and not have left before the service.</summary>
    private static async Task<ValidationProblem?> CheckAttendanceAsync(Guid teamId, Order order, Completion completion, OrderStore store, TimeProvider clock, CancellationToken ct)
    {
        if (completion.Attendance.Count == 0)
            return null;
        var ids = completion.Attendance.Select(a => a.MemberId).ToList();
        var strangers = await store.NotServingMembersAsync(teamId, ids, ServiceDates.Of(order.StartedAt ?? clock.GetUtcNow()), ct);
        if (strangers.Count == 0)
            return null;
        var errors = new ValidationErrors();
        foreach (var stranger in strangers)
            errors.Add($"attendance[{ids.IndexOf(stranger)}].memberId",
                $"{stranger} is not a member of your team on the day of the service (or the member list has not reached dispatch yet: try again in a moment).");
        return errors.ToProblem();
    }

    /// <summary>
    /// The shared shape of release, start and complete: only the holding team, only from the legal state, and only
    /// when <paramref name="check"/> (what the action's body says about the order) finds nothing wrong.
    /// </summary>
    private static async Task<Results<Ok<OrderChanged>, ValidationProblem, ProblemHttpResult>> AsHolderAsync(
        Guid needId, Caller caller, OrderAction action, OrderStore store, Func<Guid, Task<bool>> transition, CancellationToken ct,
        Func<Guid, Order, Task<ValidationProblem?>>? check = null)
    {
        if (caller.TeamId is not { } teamId)
            return NotBoundToATeam();
        var order = await store.FindAsync(needId, ct);
        if (order is null)
            return Problems.NotFound("order", needId);
        if (order.TeamId != teamId)
            return Problems.Forbidden("Only the team holding this order may do that.");
        if (!OrderLifecycle.Allows(order.Status, action))
            return WrongState(order, action);
        if (check is not null && await check(teamId, order) is { } invalid)
            return invalid;
        if (!await transition(teamId))
            return await RefusedAfterRaceAsync(needId, teamId, action, store, ct);
        return TypedResults.Ok(new OrderChanged(needId, teamId, OrderLifecycle.To(action)));
    }

    private static async Task<ProblemHttpResult> RefusedAfterRaceAsync(Guid needId, Guid teamId, OrderAction action, OrderStore store, CancellationToken ct) =>
        await store.FindAsync(needId, ct) is { } order
            ? order.TeamId == teamId || order.TargetTeamId == teamId ? WrongState(order, action) : Problems.Forbidden("Your team no longer holds this order.")
            : Problems.NotFound("order", needId);

    private static ProblemHttpResult NotClaimable(string status, Guid? holderId, Guid teamId) => holderId switch
    {
        { } holder when holder == teamId => Problems.Conflict("Order already yours", $"Your team already holds this order ({status})."),
        { } holder => Problems.Conflict("Order already claimed", $"Team {holder} holds this order ({status})."),
        _ => Problems.Conflict("Order not open", $"The order is {status}, not published."),
    };

    private static ProblemHttpResult WrongState(Order order, OrderAction action) =>
        Problems.Conflict("Order in the wrong state",
            $"Cannot {action.ToString().ToLowerInvariant()} an order that is {order.Status}; it must be {string.Join(" or ", OrderLifecycle.From(action))}.");

    private static ProblemHttpResult CapacityReached(Team team) =>
        Problems.Conflict("Capacity reached", $"capacity reached ({team.OpenOrders}/{team.Capacity})");

    private static ProblemHttpResult NotTheNamedTeam() =>
        Problems.Forbidden("Only the team this order is directed to may accept or decline it.");

    private static ProblemHttpResult NotBoundToATeam() =>
        Problems.Forbidden("This team account is not bound to a team.");
}
