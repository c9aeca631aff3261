using Dispatch.Contracts;
using Dispatch.Gateway.Audit;
using Dispatch.ServiceDefaults.Audit;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Gateway.Apis;

/// <summary>The audit trail, for admins only: searched a page at a time, or exported as CSV (the export is itself recorded).</summary>
public static class AuditApi
{
    /// <summary>More than this in one file is a period to narrow, not a spreadsheet.</summary>
    public const int MaxExportRows = 100_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").RequireAuthorization(Policies.Admin);
        audit.MapGet("/", SearchAsync);
        audit.MapGet("/export", ExportAsync);
        return endpoints;
    }

    internal static async Task<Results<Ok<ItemsPage<AuditEntry>>, ValidationProblem>> SearchAsync(
        [AsParameters] AuditQuery query, [AsParameters] Paging paging, AuditStore store, CancellationToken cancellationToken)
    {
        var errors = paging.Check(query.Check());
        if (errors.Any)
            return errors.ToProblem();
        var (items, total) = await store.SearchAsync(query.Search, paging.Size, paging.Offset, cancellationToken);
        return TypedResults.Ok(new ItemsPage<AuditEntry>(items, total));
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        [AsParameters] AuditQuery query, AuditStore store, AuditTrail audit, CancellationToken cancellationToken)
    {
        var errors = query.Check();
        if (errors.Any)
            return errors.ToProblem();
        var (items, total) = await store.SearchAsync(query.Search, MaxExportRows, 0, cancellationToken);
        if (total > MaxExportRows)
            return ValidationErrors.For("from", $"{total} entries match; one file holds at most {MaxExportRows}: narrow the period (from, to) or the search.");

        await audit.RecordAsync(AuditActions.AuditExported, new AuditSubject("audit", []), $"{items.Count} entries; {query.Search}", cancellationToken);
        return TypedResults.File(AuditCsv.Write(items), "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }
}
