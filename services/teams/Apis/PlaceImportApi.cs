using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;
using Dispatch.Teams.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>
/// An admin's place-list import: each row's district and street are found by name or added, and its community added
/// with its party branch, each row in its own transaction; a community its street has already is reported as a
/// duplicate and left alone, so importing the same file twice adds nothing the second time.
/// </summary>
internal static class PlaceImportApi
{
    private const int MaxFileBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapPlaceImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/places/import", Import).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>The file as the body (text/csv) or as the <c>file</c> field of a multipart form.</summary>
    private static async Task<Results<Ok<PlaceImportReport>, ValidationProblem>> Import(
        HttpRequest request, PlaceStore places, TimeProvider clock, CancellationToken ct)
    {
        if (await CsvUpload.ReadTextAsync(request, MaxFileBytes, ct) is not { } text)
            return ValidationErrors.For("file", $"Send the place list as a CSV file of at most {MaxFileBytes / 1024} KB (body text/csv, or form field \"file\").");
        var fileErrors = new ValidationErrors();
        if (PlaceFile.Read(text, fileErrors) is not { } sheet)
            return fileErrors.ToProblem();

        var rows = new List<PlaceImportRow>(sheet.Rows.Count);
        var (districts, streets) = (0, 0);
        foreach (var cells in sheet.Rows)
        {
            var (row, errors) = PlaceFile.Check(cells);
            if (row is null)
            {
                rows.Add(new PlaceImportRow(cells.Line, ImportOutcome.Invalid, cells.Cell("district"), cells.Cell("street"), cells.Cell("community"), null,
                    errors.ToProblem().ProblemDetails.Errors));
                continue;
            }
            var imported = await places.ImportAsync(row.District, row.Street, row.Community, row.BranchName, clock.GetUtcNow(), ct);
            districts += imported.DistrictCreated ? 1 : 0;
            streets += imported.StreetCreated ? 1 : 0;
            rows.Add(new PlaceImportRow(cells.Line, imported.CommunityCreated ? ImportOutcome.Created : ImportOutcome.Duplicate,
                row.District, row.Street, row.Community, imported.CommunityId, null));
        }
        return TypedResults.Ok(new PlaceImportReport(rows, sheet.IgnoredColumns, districts, streets));
    }
}
