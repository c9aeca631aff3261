using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Time;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>A team's members (its volunteers): the list, one member, adding one, and replacing one's record (to say they left).</summary>
internal static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/teams/{teamId:guid}/members").RequireAuthorization(Policies.TeamCoordinatorOrAdmin);
        members.MapGet("/", List);
        members.MapGet("/{memberId:guid}", Get);
        // Keeping the list is the team's and its street's coordinators' work; an admin only reads it.
        members.MapPost("/", Add).RequireAuthorization(Policies.TeamOrCoordinator);
        members.MapPut("/{memberId:guid}", Replace).RequireAuthorization(Policies.TeamOrCoordinator);
        return members;
    }

    private static async Task<Results<Ok<ItemsPage<MemberResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid teamId, Caller caller, TeamStore teams, MemberStore members, bool? current, string? q, [AsParameters] Paging paging, CancellationToken ct)
    {
        var errors = paging.Check(new ValidationErrors()
            .Require(q is null || q.Length <= MemberLimits.NameLength, "q", $"q must be at most {MemberLimits.NameLength} characters."));
        if (errors.Any)
            return errors.ToProblem();
        var (team, problem) = await MemberAccess.ReadableAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;

        var (items, total) = await members.ListAsync(teamId, new MemberFilter(current, string.IsNullOrWhiteSpace(q) ? null : q.Trim()), paging.Number, paging.Size, ct);
        return TypedResults.Ok(new ItemsPage<MemberResponse>(items.Select(m => MemberAccess.ToResponse(m, caller, team!)).ToList(), total));
    }

    private static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> Get(
        Guid teamId, Guid memberId, Caller caller, TeamStore teams, MemberStore members, CancellationToken ct)
    {
        var (team, problem) = await MemberAccess.ReadableAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        var member = await members.FindAsync(teamId, memberId, ct);
        return member is null ? Problems.NotFound("member", memberId) : TypedResults.Ok(MemberAccess.ToResponse(member, caller, team!));
    }

    private static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> Add(
        Guid teamId, MemberRequest? body, Caller caller, TeamStore teams, MemberStore members, TimeProvider clock, CancellationToken ct)
    {
        var errors = MemberRules.Validate(body, ServiceDates.Today(clock));
        if (errors.Any)
            return errors.ToProblem();
        var (team, problem) = await MemberAccess.KeptAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;

        var member = MemberRules.ToMember(body!, teamId, null, caller.Username, clock.GetUtcNow());
        return await members.AddAsync(member, ct) switch
        {
            MemberOutcome.Saved => TypedResults.Created($"/api/teams/{teamId}/members/{member.Id}", MemberAccess.ToResponse(member, caller, team!)),
            MemberOutcome.Duplicate => SamePerson(member),
            var refused => Refused(refused, member.Id),
        };
    }

    private static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> Replace(
        Guid teamId, Guid memberId, MemberRequest? body, Caller caller, TeamStore teams, MemberStore members, TimeProvider clock, CancellationToken ct)
    {
        var errors = MemberRules.Validate(body, ServiceDates.Today(clock));
        if (errors.Any)
            return errors.ToProblem();
        var (team, problem) = await MemberAccess.KeptAsync(teamId, caller, teams, ct);
        if (problem is not null)
            return problem;
        var before = await members.FindAsync(teamId, memberId, ct);
        if (before is null)
            return Problems.NotFound("member", memberId);

        var edited = MemberRules.ToMember(body!, teamId, before, caller.Username, clock.GetUtcNow());
        return await members.UpdateAsync(edited, ct) switch
        {
            MemberOutcome.Saved => TypedResults.Ok(MemberAccess.ToResponse((await members.FindAsync(teamId, memberId, ct))!, caller, team!)),
            MemberOutcome.Duplicate => SamePerson(edited),
            var refused => Refused(refused, memberId),
        };
    }

    private static ProblemHttpResult SamePerson(Member member) =>
        Problems.Conflict("Member already listed", $"The team already lists {member.Name} with this phone number.");

    private static ProblemHttpResult Refused(MemberOutcome outcome, Guid memberId) => outcome switch
    {
        MemberOutcome.TeamRetired => Problems.Conflict("Team retired", "A retired team's member list is kept as it was; it cannot be changed."),
        _ => Problems.NotFound("member", memberId),
    };
}
