using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Time;
using Dispatch.Teams.Certificates;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dispatch.Teams.Apis;

/// <summary>
/// Service-record certificates (志愿服务记录证明): a team for its own members, or a coordinator of its street,
/// certifies a member's current hours over a period; the certificate is stored as printed and served as a PDF.
/// </summary>
internal static class CertificatesApi
{
    /// <summary>A certificate covers at most this many years: a longer one is almost always a typing mistake.</summary>
    private const int MaxYears = 10;

    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder members)
    {
        members.MapPost("/{memberId:guid}/certificates", Issue).RequireAuthorization(Policies.TeamOrCoordinator);
        members.MapGet("/{memberId:guid}/certificates", List);
        members.MapGet("/{memberId:guid}/certificates/{code}", Get);
        members.MapGet("/{memberId:guid}/certificates/{code}/pdf", GetPdf);
        return members;
    }

    private static async Task<Results<Created<CertificateResponse>, ValidationProblem, ProblemHttpResult>> Issue(
        Guid teamId, Guid memberId, CertificateRequest? body, Caller caller, TeamStore teams, PlaceStore places, MemberStore members,
        ServiceRecordStore records, CertificateStore certificates, IOptions<CertificateOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var today = ServiceDates.Today(clock);
        var errors = new ValidationErrors()
            .Require(body?.From is not null, "from", "from (the first day to certify, yyyy-MM-dd) is required.")
            .Require(body?.To is not null, "to", "to (the last day to certify, yyyy-MM-dd) is required.");
        if (body?.From is { } start && body.To is { } end)
            errors.Require(start <= end, "to", "to must not be before from.")
                .Require(end <= today, "to", "to cannot be in the future: a certificate proves service already given.")
                .Require(end.AddYears(-MaxYears) < start, "from", $"A certificate covers at most {MaxYears} years.");
        if (errors.Any)
            return errors.ToProblem();
        var (team, problem) = await MemberAccess.KeptAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        var member = await members.FindAsync(teamId, memberId, ct);
        if (member is null)
            return Problems.NotFound("member", memberId);

        var (from, to) = (body!.From!.Value, body.To!.Value);
        var lines = await records.LinesAsync(memberId, from, to, ct);
        if (lines.Count == 0)
            return ValidationErrors.For("from", $"{member.Name} has no service recorded from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: there is nothing to certify.");

        var now = clock.GetUtcNow();
        var certificate = new Certificate
        {
            Code = VerificationCode.New(),
            MemberId = memberId,
            TeamId = teamId,
            VolunteerName = member.Name,
            Organisation = team!.Name,
            Issuer = caller.IsTeam ? team.Name : await StationOfAsync(team, places, ct),
            PeriodFrom = from,
            PeriodTo = to,
            Hours = lines.Sum(l => l.Hours),
            Services = lines.Select(l => new CertificateLine(l.Category, ServiceCategories.Names.GetValueOrDefault(l.Category, l.Category), l.Orders, l.Hours)).ToList(),
            IssuedOn = today,
            IssuedBy = caller.Username,
            IssuedAt = now.AddTicks(-(now.Ticks % 10)),
        };
        await certificates.IssueAsync(certificate, ct);
        return TypedResults.Created(PathOf(certificate), ToResponse(certificate, options.Value));
    }

    private static async Task<Results<Ok<List<CertificateResponse>>, ProblemHttpResult>> List(
        Guid teamId, Guid memberId, Caller caller, TeamStore teams, MemberStore members, CertificateStore certificates,
        IOptions<CertificateOptions> options, CancellationToken ct)
    {
        var (_, problem) = await MemberAccess.ReadableAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        if (await members.FindAsync(teamId, memberId, ct) is null)
            return Problems.NotFound("member", memberId);
        return TypedResults.Ok((await certificates.OfMemberAsync(memberId, ct)).Select(c => ToResponse(c, options.Value)).ToList());
    }

    private static async Task<Results<Ok<CertificateResponse>, ProblemHttpResult>> Get(
        Guid teamId, Guid memberId, string code, Caller caller, TeamStore teams, CertificateStore certificates,
        IOptions<CertificateOptions> options, CancellationToken ct)
    {
        var (certificate, problem) = await FindAsync(teamId, memberId, code, caller, teams, certificates, ct);
        return problem ?? (Results<Ok<CertificateResponse>, ProblemHttpResult>)TypedResults.Ok(ToResponse(certificate!, options.Value));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPdf(
        Guid teamId, Guid memberId, string code, Caller caller, TeamStore teams, CertificateStore certificates, CertificatePdf pdf,
        ILogger<CertificatePdf> logger, CancellationToken ct)
    {
        var (certificate, problem) = await FindAsync(teamId, memberId, code, caller, teams, certificates, ct);
        if (problem is not null)
            return problem;
        try
        {
            return TypedResults.File(pdf.Render(certificate!), "application/pdf", $"志愿服务记录证明-{certificate!.VolunteerName}-{certificate.Code}.pdf");
        }
        catch (CertificateFontMissingException missing)
        {
            // The deployment's mistake, not the caller's: say so, and what fixes it, rather than a bare 500.
            logger.LogError(missing, "Cannot print certificate {Code}", certificate!.Code);
            return Problems.ServiceUnavailable($"Certificates cannot be printed on this server yet: {missing.Message} The certificate {certificate.Code} is issued and stays valid.");
        }
    }

    private static async Task<(Certificate? Certificate, ProblemHttpResult? Problem)> FindAsync(
        Guid teamId, Guid memberId, string code, Caller caller, TeamStore teams, CertificateStore certificates, CancellationToken ct)
    {
        var (_, problem) = await MemberAccess.ReadableAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return (null, problem);
        var certificate = VerificationCode.Normalise(code) is { } normal ? await certificates.FindAsync(normal, ct) : null;
        return certificate is not null && certificate.TeamId == teamId && certificate.MemberId == memberId
            ? (certificate, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "certificate not found",
                detail: $"This member has no certificate with code '{code}' that you may see."));
    }

    /// <summary>A coordinator issues in the name of the street's station (街道社会工作服务站), where the coordinators work.</summary>
    private static async Task<string> StationOfAsync(Team team, PlaceStore places, CancellationToken ct) =>
        $"{(await places.FindStreetAsync(team.StreetId, ct))?.Name ?? ""}社会工作服务站";

    private static string PathOf(Certificate c) => $"/api/teams/{c.TeamId}/members/{c.MemberId}/certificates/{c.Code}";

    private static CertificateResponse ToResponse(Certificate c, CertificateOptions options) =>
        new(c.Code, c.MemberId, c.TeamId, c.VolunteerName, c.Organisation, c.Issuer, c.PeriodFrom, c.PeriodTo, c.Hours, c.Services,
            c.IssuedOn, c.IssuedBy, c.IssuedAt, $"{PathOf(c)}/pdf", options.VerifyUrl(c.Code));
}
