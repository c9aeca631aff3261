using Dispatch.Needs.Data;
using Dispatch.Needs.Domain;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Needs.Apis;

/// <summary>
/// A branch's needs list (需求清单) in bulk: import a CSV of needs as drafts, with a report per row, then
/// publish all the drafts in one step.
/// </summary>
internal static class NeedsListApi
{
    private const int MaxFileBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapNeedsListApi(this IEndpointRouteBuilder app)
    {
        var needs = app.MapGroup("/api/needs").RequireAuthorization(Policies.Branch);
        needs.MapPost("/import", Import);
        needs.MapPost("/publish-all", PublishAll);
        return app;
    }

    /// <summary>The file as the body (text/csv) or as the <c>file</c> field of a multipart form.</summary>
    private static async Task<Results<Ok<ImportReport<NeedImportRow>>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, Caller caller, NeedStore store, TimeProvider clock, CancellationToken ct)
    {
        if (caller is not { CommunityId: { } communityId, StreetId: { } streetId, DistrictId: { } districtId })
            return NeedsApi.NotBoundToACommunity();
        if (await CsvUpload.ReadTextAsync(request, MaxFileBytes, ct) is not { } text)
            return ValidationErrors.For("file", $"Send the needs list as a CSV file of at most {MaxFileBytes / 1024} KB (body text/csv, or form field \"file\").");
        var fileErrors = new ValidationErrors();
        if (NeedsListFile.Read(text, fileErrors) is not { } list)
            return fileErrors.ToProblem();

        var reports = new NeedImportRow?[list.Rows.Count];
        var good = new List<(int Index, NeedContent Content, string Fingerprint)>();
        for (var i = 0; i < list.Rows.Count; i++)
        {
            var row = list.Rows[i];
            if (row.Request.Validate(row.CellErrors) is { } content && !row.CellErrors.Any)
                good.Add((i, content, NeedFingerprint.Of(content)));
            else
                reports[i] = new NeedImportRow(row.Line, ImportOutcome.Invalid, row.Request.Title, null, row.CellErrors.ToProblem().ProblemDetails.Errors);
        }

        var author = new Author(communityId, streetId, districtId, caller.AccountId, caller.Actor);
        var outcomes = await store.ImportAsync(good.Select(g => (g.Content, g.Fingerprint)).ToList(), author, clock.GetUtcNow(), ct);
        for (var g = 0; g < good.Count; g++)
        {
            var (index, content, _) = good[g];
            var (needId, created) = outcomes[g];
            reports[index] = new NeedImportRow(list.Rows[index].Line, created ? ImportOutcome.Created : ImportOutcome.Duplicate,
                content.Title, needId, null);
        }

        return TypedResults.Ok(new ImportReport<NeedImportRow>(reports.Select(r => r!).ToList(), list.IgnoredColumns));
    }

    /// <summary>
    /// Publishes the branch's drafts (all, or the listed ones) in one step. Each is its own transaction with its
    /// own NeedPublished, exactly as one publish would be, so a draft another request publishes meanwhile is skipped, not doubled.
    /// </summary>
    private static async Task<Results<Ok<ItemsPage<NeedView>>, ValidationProblem, ProblemHttpResult>> PublishAll(
        PublishAllRequest? body, Caller caller, NeedStore store, TimeProvider clock, CancellationToken ct)
    {
        if (caller.CommunityId is not { } communityId)
            return NeedsApi.NotBoundToACommunity();
        if (body?.Ids is { Length: > NeedsListFile.MaxRows })
            return ValidationErrors.For("ids", $"ids may list at most {NeedsListFile.MaxRows} needs.");

        var published = new List<NeedView>();
        foreach (var id in await store.DraftIdsAsync(communityId, body?.Ids, ct))
            if (await store.PublishAsync(id, null, caller.Actor, clock.GetUtcNow(), ct) is { } need)
                published.Add(NeedView.Of(need));
        return TypedResults.Ok(new ItemsPage<NeedView>(published, published.Count));
    }
}
