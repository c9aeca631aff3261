using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Spreadsheets;
using Dispatch.ServiceDefaults.Time;
using Dispatch.Teams.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>
/// A team's member list from a spreadsheet: every row is checked as POST …/members checks one; good rows are added
/// (each in its own transaction, with its events), bad ones reported, and a name and phone the team already lists
/// is a duplicate left alone, so importing the same file twice adds nobody the second time.
/// </summary>
internal static class MemberImportApi
{
    private const int MaxFileBytes = 1024 * 1024;

    public static RouteGroupBuilder MapMemberImportApi(this RouteGroupBuilder members)
    {
        members.MapPost("/import", Import).RequireAuthorization(Policies.TeamOrCoordinator);
        return members;
    }

    /// <summary>The file as the body (text/csv) or as the <c>file</c> field of a multipart form.</summary>
    private static async Task<Results<Ok<ImportReport<MemberImportRow>>, ValidationProblem, ProblemHttpResult>> Import(
        Guid teamId, HttpRequest request, Caller caller, TeamStore teams, MemberStore members, TimeProvider clock, CancellationToken ct)
    {
        var (_, problem) = await MemberAccess.KeptAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        if (await CsvUpload.ReadTextAsync(request, MaxFileBytes, ct) is not { } text)
            return ValidationErrors.For("file", $"Send the member list as a CSV file of at most {MaxFileBytes / 1024} KB (body text/csv, or form field \"file\").");
        var fileErrors = new ValidationErrors();
        if (MemberFile.Read(text, fileErrors) is not { } file)
            return fileErrors.ToProblem();

        var today = ServiceDates.Today(clock);
        var reports = new List<MemberImportRow>(file.Rows.Count);
        foreach (var row in file.Rows)
            reports.Add(await ImportRowAsync(row, teamId, today, caller, members, clock, ct));
        return TypedResults.Ok(new ImportReport<MemberImportRow>(reports, file.IgnoredColumns));
    }

    private static async Task<MemberImportRow> ImportRowAsync(MemberFileRow row, Guid teamId, DateOnly today, Caller caller, MemberStore members,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = MemberRules.Validate(row.Request, today);
        var name = row.Request.Name?.Trim();
        if (errors.Any || row.CellErrors.Any)
            return new MemberImportRow(row.Line, ImportOutcome.Invalid, name, null, ValidationErrors.Merge(row.CellErrors, errors));

        var member = MemberRules.ToMember(row.Request, teamId, null, caller.Username, clock.GetUtcNow());
        switch (await members.AddAsync(member, ct))
        {
            case MemberOutcome.Saved:
                return new MemberImportRow(row.Line, ImportOutcome.Created, member.Name, member.Id, null);
            case MemberOutcome.Duplicate:
                var existing = await members.FindByPersonAsync(teamId, member.Name, member.Phone, ct);
                return new MemberImportRow(row.Line, ImportOutcome.Duplicate, member.Name, existing?.Id, null);
            default:
                return new MemberImportRow(row.Line, ImportOutcome.Invalid, member.Name, null,
                    new Dictionary<string, string[]> { ["team"] = ["The team is retired: its member list cannot change."] });
        }
    }
}
