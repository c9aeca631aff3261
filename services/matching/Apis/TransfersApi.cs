using Dispatch.Matching.Data;
using Dispatch.Matching.Domain;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Matching.Apis;

/// <summary>
/// Transfer requests: a hatched, eligible team asks the holder of a claimed, unstarted order to hand it over; the holder or
/// the street's coordinator approves or declines, and a request left unanswered approves itself (the deadline sweep).
/// </summary>
internal static class TransfersApi
{
    private const int ReasonLength = 500;

    public static IEndpointRouteBuilder MapTransfersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{needId:guid}/transfer-requests", Request).RequireAuthorization(Policies.Team);
        var requests = app.MapGroup("/api/transfer-requests").RequireAuthorization(Policies.TeamCoordinatorOrAdmin);
        requests.MapGet("/", ListOpen);
        requests.MapPost("/{id:guid}/approve", Approve);
        requests.MapPost("/{id:guid}/decline", Decline);
        return app;
    }

    private static async Task<Results<Created<TransferView>, ValidationProblem, ProblemHttpResult>> Request(
        Guid needId, TransferReasonRequest? body, Caller caller, OrderStore orders, TransferStore transfers, TimeProvider clock, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim();
        if (new ValidationErrors().RequireText(reason, "reason", ReasonLength) is { Any: true } invalid)
            return invalid.ToProblem();
        if (caller.TeamId is not { } teamId)
            return Problems.Forbidden("This team account is not bound to a team.");
        var (order, team) = await orders.FindWithTeamAsync(needId, teamId, ct);
        if (order is null)
            return Problems.NotFound("order", needId);
        if (order.TeamId == teamId)
            return Problems.Conflict("Order already yours", "Your team already holds this order.");
        if (order.Status != OrderStatus.Claimed || order.TeamId is null)
            return Problems.Conflict("Order not transferable", $"Only a claimed order not yet started can be asked for; this one is {order.Status}.");
        if (ClaimEligibility.Refusal(team, order with { TargetTeamId = null }) is { } refusal)
            return Problems.Forbidden(refusal);
        if (team!.IsFull)
            return Problems.Conflict("Capacity reached", $"capacity reached ({team.OpenOrders}/{team.Capacity})");

        var opened = await transfers.OpenAsync(order, teamId, reason!, caller.Username, clock.GetUtcNow(), ct);
        if (opened is null)
            return Problems.Conflict("Transfer already requested", "This order already has an open transfer request; it can have one at a time.");
        var view = await transfers.FindAsync(opened.Id, ct);
        return TypedResults.Created($"/api/transfer-requests/{opened.Id}", TransferView.From(view ?? opened));
    }

    /// <summary>The caller's open requests: a team's sent and received ones; a coordinator's street's; an admin's, in a street it names or everywhere.</summary>
    private static async Task<Results<Ok<ItemsPage<TransferView>>, ValidationProblem, ProblemHttpResult>> ListOpen(
        Guid? streetId, [AsParameters] Paging paging, Caller caller, TransferStore transfers, CancellationToken ct)
    {
        if (paging.Check(new ValidationErrors()) is { Any: true } invalid)
            return invalid.ToProblem();
        (Guid? Team, Guid? Street) scope = caller switch
        {
            { IsAdmin: true } => (null, streetId),
            { IsCoordinator: true, StreetId: { } own } when streetId is null || streetId == own => (null, own),
            { IsCoordinator: true, StreetId: not null } => (null, Guid.Empty),
            { TeamId: { } team } => (team, null),
            _ => (null, Guid.Empty),
        };
        if (scope == (null, Guid.Empty))
            return Problems.Forbidden("A coordinator sees the requests of its own street only; a team account must be bound to a team.");
        var (items, total) = await transfers.OpenForAsync(scope.Team, scope.Street, paging, ct);
        return TypedResults.Ok(new ItemsPage<TransferView>(items.Select(TransferView.From).ToList(), total));
    }

    private static async Task<Results<Ok<TransferView>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, TransferReasonRequest? body, Caller caller, TransferStore transfers, TimeProvider clock, CancellationToken ct)
    {
        if (body?.Reason is { Length: > ReasonLength })
            return ValidationErrors.For("reason", $"reason must be at most {ReasonLength} characters.");
        if (await DeciderRefusalAsync(id, caller, transfers, ct) is { } refused)
            return refused;
        var outcome = await transfers.ApproveAsync(id, caller.Username, body?.Reason, clock.GetUtcNow(), ct);
        var now = await transfers.FindAsync(id, ct);
        return outcome switch
        {
            TransferOutcome.Approved => TypedResults.Ok(TransferView.From(now!)),
            TransferOutcome.TeamFull => Problems.Conflict("Capacity reached", $"{now?.ToTeamName ?? "The asking team"} has no free place now; the request stays open."),
            TransferOutcome.Lapsed => Problems.Conflict("Request lapsed", $"The request lapsed: {now?.DecisionReason}."),
            _ => AlreadyDecided(now),
        };
    }

    private static async Task<Results<Ok<TransferView>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, TransferReasonRequest? body, Caller caller, TransferStore transfers, TimeProvider clock, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim();
        if (new ValidationErrors().RequireText(reason, "reason", ReasonLength) is { Any: true } invalid)
            return invalid.ToProblem();
        if (await DeciderRefusalAsync(id, caller, transfers, ct) is { } refused)
            return refused;
        var declined = await transfers.DeclineAsync(id, caller.Username, reason!, clock.GetUtcNow(), ct);
        var now = await transfers.FindAsync(id, ct);
        return declined ? TypedResults.Ok(TransferView.From(now!)) : AlreadyDecided(now);
    }

    /// <summary>Only the holder asked, the street's coordinator or an admin decides; the team that asked may not answer its own request.</summary>
    private static async Task<ProblemHttpResult?> DeciderRefusalAsync(Guid id, Caller caller, TransferStore transfers, CancellationToken ct)
    {
        var request = await transfers.FindAsync(id, ct);
        var visible = request is not null
                      && (caller.IsAdmin || (caller.IsCoordinator && caller.StreetId == request.StreetId)
                          || caller.TeamId == request.FromTeamId || caller.TeamId == request.ToTeamId);
        if (!visible)
            return Problems.NotFound("transfer request", id);
        if (caller.TeamId is { } team && team != request!.FromTeamId)
            return Problems.Forbidden("Only the team holding the order (or the street's coordinator) decides a transfer request.");
        return request!.Status == TransferStatus.Open ? null : AlreadyDecided(request);
    }

    private static ProblemHttpResult AlreadyDecided(TransferRequest? request) =>
        Problems.Conflict("Request already decided", $"The request is {request?.Status ?? "gone"}; only an open request can be decided.");
}
