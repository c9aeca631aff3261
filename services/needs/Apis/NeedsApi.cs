using Dispatch.Contracts;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dispatch.Needs.Apis;

/// <summary>What a branch does with its needs (派单, cancel, 评单), and who may read them.</summary>
internal static class NeedsApi
{
    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder app)
    {
        var needs = app.MapGroup("/api/needs");
        needs.MapGet("/", List).RequireAuthorization(Policies.BranchCoordinatorOrAdmin).AddEndpointFilter<ContactReadAudit>();
        needs.MapGet("/{id:guid}", Get).AddEndpointFilter<ContactReadAudit>();
        needs.MapGet("/{id:guid}/timeline", GetTimeline);

        var ownNeeds = needs.MapGroup("").RequireAuthorization(Policies.Branch);
        ownNeeds.MapPost("/", Create);
        ownNeeds.MapPut("/{id:guid}", Edit);
        ownNeeds.MapPost("/{id:guid}/publish", Publish);
        ownNeeds.MapPost("/{id:guid}/cancel", Cancel);
        ownNeeds.MapPost("/{id:guid}/rating", Rate);
        return app;
    }

    private static async Task<Results<Created<NeedView>, ValidationProblem, ProblemHttpResult>> Create(
        NeedRequest? body, Caller caller, NeedStore store, TimeProvider clock, CancellationToken ct)
    {
        if (caller is not { CommunityId: { } communityId, StreetId: { } streetId, DistrictId: { } districtId })
            return NotBoundToACommunity();
        var errors = new ValidationErrors();
        if ((body ?? Empty).Validate(errors) is not { } content)
            return errors.ToProblem();

        var need = await store.CreateAsync(content, communityId, streetId, districtId, caller.AccountId, caller.Actor, clock.GetUtcNow(), ct);
        return TypedResults.Created($"/api/needs/{need.Id}", NeedView.Of(need));
    }

    private static async Task<Results<Ok<NeedView>, ValidationProblem, ProblemHttpResult>> Edit(
        Guid id, NeedRequest? body, Caller caller, NeedStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if ((body ?? Empty).Validate(errors) is not { } content)
            return errors.ToProblem();
        if (await OwnNeedAsync(id, caller, store, ct) is not { } need)
            return Problems.NotFound("need", id);
        if (!NeedLifecycle.Allows(need.Status, NeedAction.Edit))
            return WrongState(need.Status, NeedAction.Edit);

        return await store.EditAsync(id, content, clock.GetUtcNow(), ct) is { } edited
            ? TypedResults.Ok(NeedView.Of(edited))
            : await RefusedAfterRaceAsync(id, NeedAction.Edit, store, ct);
    }

    // No body publishes as the draft says (to all eligible teams, or to its targetTeamId); {targetTeamId} directs it to that team.
    private static async Task<Results<Ok<NeedView>, ValidationProblem, ProblemHttpResult>> Publish(
        Guid id, PublishRequest? body, Caller caller, NeedStore store, TimeProvider clock, CancellationToken ct)
    {
        if (body?.TargetTeamId == Guid.Empty)
            return ValidationErrors.For("targetTeamId", "targetTeamId must be a team id.");
        return await AsOwnerAsync(id, caller, NeedAction.Publish, store,
            () => store.PublishAsync(id, body?.TargetTeamId, caller.Actor, clock.GetUtcNow(), ct), ct);
    }

    private static async Task<Results<Ok<NeedView>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, CancelRequest? body, Caller caller, NeedStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireText(body?.Reason, "reason", 500);
        if (errors.Any)
            return errors.ToProblem();
        var reason = body!.Reason!.Trim();
        return await AsOwnerAsync(id, caller, NeedAction.Cancel, store, () => store.CancelAsync(id, reason, caller.Actor, clock.GetUtcNow(), ct), ct);
    }

    private static async Task<Results<Ok<NeedView>, ValidationProblem, ProblemHttpResult>> Rate(
        Guid id, RatingRequest? body, Caller caller, NeedStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(body?.Score is >= 1 and <= 5, "score", "score must be a whole number from 1 to 5.")
            .Require(body?.Comment is null || body.Comment.Length <= 1000, "comment", "comment must be at most 1000 characters.");
        if (errors.Any)
            return errors.ToProblem();
        var comment = string.IsNullOrWhiteSpace(body!.Comment) ? null : body.Comment.Trim();
        return await AsOwnerAsync(id, caller, NeedAction.Rate, store,
            () => store.RateAsync(id, body.Score!.Value, comment, caller.Actor, clock.GetUtcNow(), ct), ct);
    }

    private static async Task<Results<Ok<NeedView>, ProblemHttpResult>> Get(
        Guid id, Caller caller, NeedStore store, TimeProvider clock, IOptions<PrivacyOptions> privacy, CancellationToken ct)
    {
        if (await VisibleNeedAsync(id, caller, store, ct) is not { } need)
            return Problems.NotFound("need", id);
        var withContact = caller.TeamId is { } teamId && caller.IsTeam
            ? ContactAccess.TeamReadsContact(need, teamId, await store.IsTeamStoppedAsync(teamId, ct), clock.GetUtcNow(),
                TimeSpan.FromDays(privacy.Value.CompletedContactDays))
            : !caller.IsAdmin;
        return TypedResults.Ok(withContact ? NeedView.Of(need) : NeedView.WithoutContact(need));
    }

    private static async Task<Results<Ok<IEnumerable<TimelineItem>>, ProblemHttpResult>> GetTimeline(
        Guid id, Caller caller, NeedStore store, CancellationToken ct)
    {
        if (await VisibleNeedAsync(id, caller, store, ct) is null)
            return Problems.NotFound("need", id);
        var entries = await store.TimelineAsync(id, ct);
        return TypedResults.Ok(entries.Select(e => new TimelineItem(e.At, e.FromStatus, e.ToStatus, e.Actor, e.Reason)));
    }

    private static async Task<Results<Ok<ItemsPage<NeedView>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] NeedsQuery query, [AsParameters] Paging paging, Caller caller, NeedStore store, CancellationToken ct)
    {
        var errors = paging.Check(query.Check(new ValidationErrors()));
        if (errors.Any)
            return errors.ToProblem();
        if (caller.IsBranch && query.CommunityId is { } asked && asked != caller.CommunityId)
            return Problems.Forbidden("A branch lists only its own community's needs.");

        var filter = new NeedFilter(
            caller.IsBranch ? caller.CommunityId ?? Guid.Empty : query.CommunityId,
            caller.IsCoordinator ? caller.StreetId ?? Guid.Empty : null,
            query.Status, query.Category, query.Text, query.From, query.To, query.ByCreation, paging,
            SearchesContact: NeedView.ListsContact(caller));
        var (items, total) = await store.ListAsync(filter, ct);
        return TypedResults.Ok(new ItemsPage<NeedView>(items.Select(n => NeedView.For(caller, n)).ToList(), total));
    }

    /// <summary>The shared shape of publish, cancel and rate: only the need's own branch, only from a legal state.</summary>
    private static async Task<Results<Ok<NeedView>, ValidationProblem, ProblemHttpResult>> AsOwnerAsync(
        Guid id, Caller caller, NeedAction action, NeedStore store, Func<Task<Need?>> transition, CancellationToken ct)
    {
        if (await OwnNeedAsync(id, caller, store, ct) is not { } need)
            return Problems.NotFound("need", id);
        if (!NeedLifecycle.Allows(need.Status, action))
            return WrongState(need.Status, action);
        return await transition() is { } changed
            ? TypedResults.Ok(NeedView.Of(changed))
            : await RefusedAfterRaceAsync(id, action, store, ct);
    }

    private static async Task<Need?> OwnNeedAsync(Guid id, Caller caller, NeedStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } need && need.CommunityId == caller.CommunityId ? need : null;

    /// <summary>The need when the caller may read it; anyone else is told it does not exist.</summary>
    private static async Task<Need?> VisibleNeedAsync(Guid id, Caller caller, NeedStore store, CancellationToken ct)
    {
        var need = await store.FindAsync(id, ct);
        var visible = need is not null && (caller.IsAdmin
            || (caller.IsBranch && need.CommunityId == caller.CommunityId)
            || (caller.IsCoordinator && need.StreetId == caller.StreetId)
            || (caller.IsTeam && caller.TeamId is { } teamId && ContactAccess.TeamReads(need, teamId)));
        return visible ? need : null;
    }

    // Another request changed the need between our read and our locked update: report the state it is in now.
    private static async Task<ProblemHttpResult> RefusedAfterRaceAsync(Guid id, NeedAction action, NeedStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } now ? WrongState(now.Status, action) : Problems.NotFound("need", id);

    private static ProblemHttpResult WrongState(string status, NeedAction action) =>
        Problems.Conflict("Need in the wrong state",
            $"The need is {status}; {Verb(action)} is allowed only when it is {string.Join(" or ", NeedLifecycle.From(action))}.");

    private static string Verb(NeedAction action) => action switch
    {
        NeedAction.Edit => "editing",
        NeedAction.Publish => "publishing",
        NeedAction.Cancel => "cancelling",
        _ => "rating",
    };

    internal static ProblemHttpResult NotBoundToACommunity() =>
        Problems.Forbidden("This branch account is not bound to a community.");

    private static readonly NeedRequest Empty = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
