using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>
/// A coordinator's roster import: the CSV of teams a street already keeps. Every row is checked as
/// POST /api/teams would check it; good rows are registered (each in its own transaction, with its
/// TeamRegistered), bad ones are reported, a name another street of the district has is a bad row, and a name the street already has is reported as a duplicate
/// and left alone, so importing the same file twice registers nothing the second time.
/// </summary>
internal static class RosterImportApi
{
    private const int MaxFileBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapRosterImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/teams/import", Import).RequireAuthorization(Policies.Coordinator);
        return app;
    }

    /// <summary>The file as the body (text/csv) or as the <c>file</c> field of a multipart form; <c>?status=applied</c> records the rows as applications.</summary>
    private static async Task<Results<Ok<ImportReport<RosterImportRow>>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, string? status, Caller caller, PlaceStore places, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        if (caller.StreetId is not { } streetId)
            return Problems.Forbidden("This coordinator account is not bound to a street.");
        var initial = status ?? TeamLifecycle.Initial;
        if (initial != TeamLifecycle.Initial && initial != TeamLifecycle.Application)
            return ValidationErrors.For("status", $"status must be {TeamLifecycle.Initial} (the default) or {TeamLifecycle.Application}.");
        if (await CsvUpload.ReadTextAsync(request, MaxFileBytes, ct) is not { } text)
            return ValidationErrors.For("file", $"Send the roster as a CSV file of at most {MaxFileBytes / 1024} KB (body text/csv, or form field \"file\").");
        var fileErrors = new ValidationErrors();
        if (RosterFile.Read(text, fileErrors) is not { } roster)
            return fileErrors.ToProblem();

        var communities = await places.CommunitiesOfStreetAsync(streetId, ct);
        var reports = new List<RosterImportRow>(roster.Rows.Count);
        foreach (var row in roster.Rows)
            reports.Add(await ImportRowAsync(row, initial, communities, caller, teams, clock, ct));

        return TypedResults.Ok(new ImportReport<RosterImportRow>(reports, roster.IgnoredColumns));
    }

    private static async Task<RosterImportRow> ImportRowAsync(RosterRow row, string status, IReadOnlyList<Community> communities,
        Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        // A row names its community as the street writes it, or by id; either way only the coordinator's own street counts.
        var community = row.Community is { } cell
            ? communities.FirstOrDefault(c => c.Name == cell || (Guid.TryParse(cell, out var id) && c.Id == id))
            : null;
        var problem = row.Community is null ? "社区 (community) is required."
            : community is null ? $"'{row.Community}' is not a community of your street." : null;
        var body = row.Request with { CommunityId = community?.Id, Mentor = row.Request.Mentor ?? caller.Username };
        var errors = TeamRegistration.Validate(body, community, problem);
        var name = body.Name?.Trim();
        if (errors.Any || row.CellErrors.Any)
            return new RosterImportRow(row.Line, ImportOutcome.Invalid, name, null, Merge(row.CellErrors, errors));

        var team = TeamRegistration.ToTeam(body, community!, status, clock.GetUtcNow());
        if (await teams.RegisterAsync(team, caller.Username, "roster import", ct))
            return new RosterImportRow(row.Line, ImportOutcome.Created, team.Name, team.Id, null);
        // Names are unique in the district: the street's own team of that name is this row imported before; another street's is not.
        var existing = await teams.FindByNameAsync(community!.DistrictId, team.Name, ct);
        if (existing is not null && existing.StreetId != community.StreetId)
            return new RosterImportRow(row.Line, ImportOutcome.Invalid, team.Name, null,
                new Dictionary<string, string[]> { ["name"] = [$"Another street of the district already has a team named '{team.Name}'."] });
        return new RosterImportRow(row.Line, ImportOutcome.Duplicate, team.Name, existing?.Id, null);
    }

    /// <summary>Cell problems (a number that is not one) and rule problems, by field, as one 400 would list them.</summary>
    private static Dictionary<string, string[]> Merge(ValidationErrors cells, ValidationErrors rules)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var errors in new[] { cells, rules }.Where(e => e.Any))
            foreach (var (field, messages) in errors.ToProblem().ProblemDetails.Errors)
                merged[field] = merged.TryGetValue(field, out var before) ? [.. before, .. messages] : messages;
        return merged;
    }
}
