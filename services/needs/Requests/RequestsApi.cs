using Dispatch.Contracts;
using Dispatch.Needs.Apis;
using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Dispatch.Needs.Requests;

/// <summary>
/// The branch's side of residents' requests: its community's inbox (newest first, possible duplicates flagged), the
/// decisions (accept as a draft need, merge into a need, decline with a reason), filing for a resident (帮办), and
/// the poster that leads residents to the public page.
/// </summary>
internal static class RequestsApi
{
    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/requests").RequireAuthorization(Policies.Branch);
        requests.MapGet("/inbox", List);
        requests.MapGet("/inbox/{id:guid}", Get);
        requests.MapPost("/inbox/{id:guid}/accept", Accept);
        requests.MapPost("/inbox/{id:guid}/merge", Merge);
        requests.MapPost("/inbox/{id:guid}/decline", Decline);
        requests.MapPost("/assisted", FileForResident);
        requests.MapGet("/poster", Poster);
        requests.MapGet("/poster/qr.png", PosterQrCode);
        return app;
    }

    private static async Task<Results<Ok<ItemsPage<RequestView>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] RequestsQuery query, [AsParameters] Paging paging, Caller caller, RequestStore store,
        IOptions<RequestsOptions> options, CancellationToken ct)
    {
        var errors = paging.Check(query.Check(new ValidationErrors()));
        if (errors.Any)
            return errors.ToProblem();
        if (caller.CommunityId is not { } communityId)
            return NeedsApi.NotBoundToACommunity();

        var (items, total) = await store.ListAsync(communityId, query.Status, paging, ct);
        if (items.Count == 0)
            return TypedResults.Ok(new ItemsPage<RequestView>([], total));
        var window = TimeSpan.FromDays(options.Value.DuplicateWindowDays);
        var candidates = await store.FiledBetweenAsync(communityId,
            items.Min(i => i.Request.CreatedAt) - window, items.Max(i => i.Request.CreatedAt) + window, ct);
        return TypedResults.Ok(new ItemsPage<RequestView>(
            items.Select(i => RequestView.Of(i.Request, i.NeedStatus, Duplicates.Of(i.Request, candidates, window))).ToList(), total));
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Get(
        Guid id, Caller caller, RequestStore store, NeedStore needs, IOptions<RequestsOptions> options, CancellationToken ct) =>
        await OwnRequestAsync(id, caller, store, ct) is { } request
            ? TypedResults.Ok(await ViewAsync(request, store, needs, options.Value, ct))
            : Problems.NotFound("request", id);

    private static async Task<Results<Created<FiledRequest>, ValidationProblem, ProblemHttpResult>> FileForResident(
        RequestForm? body, Caller caller, RequestStore store, TimeProvider clock, CancellationToken ct)
    {
        if (caller is not { CommunityId: { } communityId, StreetId: { } streetId, DistrictId: { } districtId })
            return NeedsApi.NotBoundToACommunity();
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        if ((body ?? RequestForms.Empty).Validate(errors, now) is not { } content)
            return errors.ToProblem();
        // The branch files in person, so the limits meant for anonymous filing do not apply.
        var community = new Community { Id = communityId, StreetId = streetId, DistrictId = districtId };
        var (filed, _) = await store.FileAsync(content, community, RequestChannel.Assisted, caller.Actor, null, now, ct);
        return RequestForms.Filed(filed!);
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> Accept(
        Guid id, Caller caller, RequestStore store, NeedStore needs, IOptions<RequestsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (caller is not { CommunityId: { } communityId, StreetId: { } streetId, DistrictId: { } districtId })
            return NeedsApi.NotBoundToACommunity();
        if (await OwnRequestAsync(id, caller, store, ct) is null)
            return Problems.NotFound("request", id);
        var author = new Author(communityId, streetId, districtId, caller.AccountId, caller.Actor);
        return await store.AcceptAsync(id, DraftOf, author, clock.GetUtcNow(), ct) is { } accepted
            ? TypedResults.Ok(await ViewAsync(accepted, store, needs, options.Value, ct))
            : await AlreadyDecidedAsync(id, store, ct);
    }

    private static async Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> Merge(
        Guid id, MergeRequest? body, Caller caller, RequestStore store, NeedStore needs, IOptions<RequestsOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        if (body?.NeedId is not { } needId || needId == Guid.Empty)
            return ValidationErrors.For("needId", "needId must be the id of one of the community's needs.");
        if (await OwnRequestAsync(id, caller, store, ct) is null)
            return Problems.NotFound("request", id);
        if (await needs.FindAsync(needId, ct) is not { } need || need.CommunityId != caller.CommunityId)
            return Problems.NotFound("need", needId);
        if (need.Status is NeedStatus.Closed or NeedStatus.Cancelled or NeedStatus.Expired)
            return Problems.Conflict("Need in the wrong state", $"The need is {need.Status}; a request can join only a need still open.");
        return await store.MergeAsync(id, needId, caller.Actor, clock.GetUtcNow(), ct) is { } merged
            ? TypedResults.Ok(await ViewAsync(merged, store, needs, options.Value, ct))
            : await AlreadyDecidedAsync(id, store, ct);
    }

    private static async Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, DeclineRequest? body, Caller caller, RequestStore store, NeedStore needs, IOptions<RequestsOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireText(body?.Reason, "reason", 500);
        if (errors.Any)
            return errors.ToProblem();
        if (await OwnRequestAsync(id, caller, store, ct) is null)
            return Problems.NotFound("request", id);
        return await store.DeclineAsync(id, body!.Reason!.Trim(), caller.Actor, clock.GetUtcNow(), ct) is { } declined
            ? TypedResults.Ok(await ViewAsync(declined, store, needs, options.Value, ct))
            : await AlreadyDecidedAsync(id, store, ct);
    }

    private static async Task<Results<Ok<PosterView>, ProblemHttpResult>> Poster(
        Caller caller, RequestStore store, IOptions<RequestsOptions> options, CancellationToken ct)
    {
        if (caller.CommunityId is not { } communityId)
            return NeedsApi.NotBoundToACommunity();
        var community = await store.CommunityAsync(communityId, ct);
        return TypedResults.Ok(new PosterView(communityId, community?.Name, community?.BranchName, options.Value.AskUrl(communityId),
            "/api/requests/poster/qr.png"));
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> PosterQrCode(Caller caller, IOptions<RequestsOptions> options)
    {
        if (caller.CommunityId is not { } communityId)
            return NeedsApi.NotBoundToACommunity();
        // Error correction level Q: the code still reads with a quarter of it scuffed or covered on a notice board.
        var png = PngByteQRCodeHelper.GetQRCode(options.Value.AskUrl(communityId), QRCodeGenerator.ECCLevel.Q, 12);
        return TypedResults.File(png, "image/png", $"community-{communityId}-qr.png");
    }

    /// <summary>The draft a request becomes: the resident's words and contact, one volunteer for two hours, for the branch to complete.</summary>
    private static NeedContent DraftOf(ResidentRequest request) => new(
        $"{ServiceCategories.Names.GetValueOrDefault(request.Category, request.Category)}：居民求助", request.Description ?? "",
        request.Category, VolunteersNeeded: 1, Skills: [], request.WantedAt, request.WantedAt.AddHours(2), ClaimDeadline: null,
        NeedContent.Normal, Beneficiaries: 1, request.Address, request.ContactName, request.ContactPhone, TargetTeamId: null);

    private static async Task<RequestView> ViewAsync(ResidentRequest request, RequestStore store, NeedStore needs, RequestsOptions options,
        CancellationToken ct)
    {
        var needStatus = request.NeedId is { } needId ? (await needs.FindAsync(needId, ct))?.Status : null;
        var window = TimeSpan.FromDays(options.DuplicateWindowDays);
        var candidates = await store.FiledBetweenAsync(request.CommunityId, request.CreatedAt - window, request.CreatedAt + window, ct);
        return RequestView.Of(request, needStatus, Duplicates.Of(request, candidates, window));
    }

    private static async Task<ResidentRequest?> OwnRequestAsync(Guid id, Caller caller, RequestStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } request && request.CommunityId == caller.CommunityId ? request : null;

    private static async Task<ProblemHttpResult> AlreadyDecidedAsync(Guid id, RequestStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } now
            ? Problems.Conflict("Request already decided", $"The request is {now.Status}; only a received request can be accepted, merged or declined.")
            : Problems.NotFound("request", id);
}
