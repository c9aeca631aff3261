using Dispatch.Contracts;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dispatch.Needs.Requests;

/// <summary>
/// The residents' side, without an account (点单 and the resident's 评单): a community's request form, filing under the
/// limits per phone and per address, and tracking and rating by the code the resident was given. The gateway routes
/// these anonymously and rate-limits them apart from signed-in traffic. The answers carry Chinese messages, since a
/// resident reads them, and never another resident's data or anything about volunteers but the serving team's name.
/// </summary>
internal static class PublicRequestsApi
{
    public static IEndpointRouteBuilder MapPublicRequestsApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/requests").AllowAnonymous();
        requests.MapGet("/communities/{communityId:guid}/form", GetForm);
        requests.MapPost("/", File);
        requests.MapPost("/lookup", Lookup);
        requests.MapGet("/track/{code}", Track);
        requests.MapPost("/track/{code}/rating", Rate);
        return app;
    }

    private static async Task<Results<Ok<CommunityForm>, ProblemHttpResult>> GetForm(
        Guid communityId, RequestStore store, IOptions<PrivacyOptions> privacy, CancellationToken ct) =>
        await store.CommunityAsync(communityId, ct) is { } community
            ? TypedResults.Ok(new CommunityForm(community.Id, community.Name, community.BranchName, community.StreetName,
                ServiceCategories.Names.Select(c => new CategoryOption(c.Key, c.Value)).ToList(), RequestForm.DescriptionLimit,
                privacy.Value.CompletedContactDays, privacy.Value.RetentionDays))
            : UnknownCommunity();

    private static async Task<Results<Created<FiledRequest>, ValidationProblem, ProblemHttpResult>> File(
        RequestForm? body, RequestStore store, IOptions<RequestsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors().Require(body?.CommunityId is { } id && id != Guid.Empty, "communityId", "请从社区的求助页面提交。");
        if ((body ?? RequestForms.Empty).Validate(errors, now) is not { } content)
            return errors.ToProblem();
        if (await store.CommunityAsync(body!.CommunityId!.Value, ct) is not { } community)
            return UnknownCommunity();

        var (filed, refusal) = await store.FileAsync(content, community, RequestChannel.Online, null, options.Value, now, ct);
        return refusal switch
        {
            FilingRefusal.TooManyForPhone => OverLimit(
                $"这个电话号码已有 {options.Value.OpenPerPhone} 条求助正在办理，请等办结后再提交；急事请直接联系社区党支部。"),
            FilingRefusal.TooManyForAddress => OverLimit(
                $"这个地址已有 {options.Value.OpenPerAddress} 条求助正在办理，请等办结后再提交；急事请直接联系社区党支部。"),
            _ => RequestForms.Filed(filed!),
        };
    }

    private static async Task<Results<Ok<LookupAnswer>, ValidationProblem, ProblemHttpResult>> Lookup(
        LookupRequest? body, RequestStore store, CancellationToken ct)
    {
        var phone = ResidentKeys.Phone(body?.ContactPhone);
        var code = body?.LookupCode?.Trim();
        var errors = new ValidationErrors()
            .Require(phone is not null, "contactPhone", "请填写提交求助时留的电话号码。")
            .Require(code is { Length: 6 } && code.All(char.IsAsciiDigit), "lookupCode", "查询码是提交时显示的 6 位数字。");
        if (errors.Any)
            return errors.ToProblem();
        return await store.TrackingCodeOfAsync(phone!, code!, ct) is { } trackingCode
            ? TypedResults.Ok(new LookupAnswer(trackingCode, RequestForms.TrackingPath(trackingCode)))
            : NotFound("没有找到这个电话号码和查询码对应的求助，请核对后再试。");
    }

    private static async Task<Results<Ok<TrackingView>, ProblemHttpResult>> Track(string code, RequestStore store, CancellationToken ct) =>
        await TrackedAsync(code, store, ct) is { } tracked ? TypedResults.Ok(TrackingView.Of(tracked)) : UnknownCode();

    private static async Task<Results<Ok<TrackingView>, ValidationProblem, ProblemHttpResult>> Rate(
        string code, ResidentRatingRequest? body, RequestStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(body?.Score is >= 1 and <= 5, "score", "请选择 1 到 5 星。")
            .Require(body?.Comment is null || body.Comment.Length <= 500, "comment", "评价最多 500 个字。");
        if (errors.Any)
            return errors.ToProblem();
        if (await TrackedAsync(code, store, ct) is not { } tracked)
            return UnknownCode();
        var comment = string.IsNullOrWhiteSpace(body!.Comment) ? null : body.Comment.Trim();
        if (!await store.RateAsync(tracked.Request.Id, body.Score!.Value, comment, clock.GetUtcNow(), ct))
            return Problems.Conflict("Not open for rating", tracked.Request.ResidentScore is null
                ? "服务完成后才能评价。"
                : "这次服务已经评价过了，每条求助只能评价一次。");
        return TypedResults.Ok(TrackingView.Of((await store.TrackAsync(code, ct))!));
    }

    // A code of the wrong shape is refused before the database, with the same answer as a code that matches nothing.
    private static async Task<TrackedRequest?> TrackedAsync(string code, RequestStore store, CancellationToken ct) =>
        TrackingCodes.IsWellFormed(code) ? await store.TrackAsync(code, ct) : null;

    private static ProblemHttpResult UnknownCode() => NotFound("没有找到这条求助：请核对链接，或用电话号码和查询码查找。");

    private static ProblemHttpResult UnknownCommunity() => NotFound("没有找到这个社区的求助页面，请核对海报上的二维码或网址。");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Request not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult OverLimit(string detail) =>
        TypedResults.Problem(title: "Too many open requests", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
