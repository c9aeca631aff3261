using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>A member's service-hours ledger: reading it, and correcting a row by adding one that says what it corrects.</summary>
internal static class ServiceRecordsApi
{
    private const int ReasonLength = 500;

    public static RouteGroupBuilder MapServiceRecordsApi(this RouteGroupBuilder members)
    {
        members.MapGet("/{memberId:guid}/records", List);
        members.MapGet("/{memberId:guid}/records/{recordId:guid}", Get);
        members.MapPost("/{memberId:guid}/records", Correct).RequireAuthorization(Policies.TeamOrCoordinator);
        return members;
    }

    private static async Task<Results<Ok<ItemsPage<ServiceRecordResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid teamId, Guid memberId, Caller caller, TeamStore teams, MemberStore members, ServiceRecordStore records,
        [AsParameters] Paging paging, CancellationToken ct)
    {
        if (paging.Check(new ValidationErrors()) is { Any: true } invalid)
            return invalid.ToProblem();
        var (_, problem) = await MemberAccess.ReadableAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        if (await members.FindAsync(teamId, memberId, ct) is null)
            return Problems.NotFound("member", memberId);

        var (items, total) = await records.ListAsync(memberId, paging.Number, paging.Size, ct);
        return TypedResults.Ok(new ItemsPage<ServiceRecordResponse>(items.Select(ToResponse).ToList(), total));
    }

    private static async Task<Results<Ok<ServiceRecordResponse>, ProblemHttpResult>> Get(
        Guid teamId, Guid memberId, Guid recordId, Caller caller, TeamStore teams, MemberStore members, ServiceRecordStore records, CancellationToken ct)
    {
        var (_, problem) = await MemberAccess.ReadableAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        var record = await members.FindAsync(teamId, memberId, ct) is null ? null : await records.FindAsync(memberId, recordId, ct);
        return record is null ? Problems.NotFound("service record", recordId) : TypedResults.Ok(ToResponse(record));
    }

    /// <summary>A correction is a new row; the row it corrects stays as it was, marked as corrected by the new one.</summary>
    private static async Task<Results<Created<ServiceRecordResponse>, ValidationProblem, ProblemHttpResult>> Correct(
        Guid teamId, Guid memberId, CorrectionRequest? body, Caller caller, TeamStore teams, MemberStore members, ServiceRecordStore records,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(body?.CorrectsId is not null, "correctsId", "correctsId (the record to correct) is required; new records come from completed orders.")
            .Require(body?.Hours is >= 0 and <= MemberLimits.MaxHoursPerOrder, "hours",
                $"hours must be between 0 (the member did not serve) and {MemberLimits.MaxHoursPerOrder}.")
            .RequireText(body?.Reason?.Trim(), "reason", ReasonLength);
        if (errors.Any)
            return errors.ToProblem();
        var (_, problem) = await MemberAccess.KeptAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        var corrected = await members.FindAsync(teamId, memberId, ct) is null ? null : await records.FindAsync(memberId, body!.CorrectsId!.Value, ct);
        if (corrected is null)
            return Problems.NotFound("service record", body!.CorrectsId!.Value);
        if (corrected.CorrectedById is { } by)
            return AlreadyCorrected(corrected.Id, by);
        if (corrected.Hours == body!.Hours)
            return ValidationErrors.For("hours", $"The record already says {corrected.Hours} hours; a correction must change them.");

        var outcome = await records.CorrectAsync(memberId, corrected.Id, body.Hours!.Value, body.Reason!.Trim(), caller.Username, clock.GetUtcNow(), ct);
        if (outcome.Saved is { } saved)
            return TypedResults.Created($"/api/teams/{teamId}/members/{memberId}/records/{saved.Id}", ToResponse(saved));
        return outcome.AlreadyCorrectedBy is { } winner ? AlreadyCorrected(corrected.Id, winner) : Problems.NotFound("service record", corrected.Id);
    }

    private static ProblemHttpResult AlreadyCorrected(Guid recordId, Guid correctionId) =>
        Problems.Conflict("Record already corrected", $"Record {recordId} was corrected by record {correctionId}; correct that one instead.");

    private static ServiceRecordResponse ToResponse(ServiceRecord r) =>
        new(r.Id, r.MemberId, r.TeamId, r.TeamName, r.NeedId, r.ServedOn, r.Category, ServiceCategories.Names.GetValueOrDefault(r.Category, r.Category),
            r.CommunityId, r.CommunityName, r.Hours, r.RecordedBy, r.RecordedAt, r.CorrectsId, r.Reason, r.CorrectedById, r.IsCurrent);
}
