using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>Registering teams, moving them through incubation, editing their service list, and finding them.</summary>
internal static class TeamsApi
{
    private const int ReasonLength = 500;

    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams");
        teams.MapGet("/", List);
        teams.MapGet("/{id:guid}", Get);
        teams.MapGet("/{id:guid}/history", GetHistory);
        teams.MapPost("/", Register).RequireAuthorization(Policies.CoordinatorOrAdmin);
        teams.MapPost("/applications", Apply).RequireAuthorization(Policies.CoordinatorOrAdmin);
        teams.MapPatch("/{id:guid}", EditProfile).RequireAuthorization(Policies.TeamCoordinatorOrAdmin);

        var incubation = teams.MapGroup("/{id:guid}").RequireAuthorization(Policies.Coordinator);
        incubation.MapPost("/incubate", Incubate);
        incubation.MapPost("/hatch", Hatch);
        incubation.MapPost("/suspend", Suspend);
        incubation.MapPost("/retire", Retire);
        return app;
    }

    /// <summary>A team the street's coordinator vouches for starts incubating straight away (SPEC.md).</summary>
    private static Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterTeamRequest? body, Caller caller, PlaceStore places, TeamStore teams, TimeProvider clock, CancellationToken ct) =>
        RegisterAsync(body, TeamLifecycle.Initial, caller, places, teams, clock, ct);

    /// <summary>An application (入驻申请) the coordinator records: the team waits, applied, until it is taken into incubation.</summary>
    private static Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> Apply(
        RegisterTeamRequest? body, Caller caller, PlaceStore places, TeamStore teams, TimeProvider clock, CancellationToken ct) =>
        RegisterAsync(body, TeamLifecycle.Application, caller, places, teams, clock, ct);

    private static async Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterTeamRequest? body, string status, Caller caller, PlaceStore places, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        var community = body?.CommunityId is { } communityId ? await places.FindCommunityAsync(communityId, ct) : null;
        var errors = TeamRegistration.Validate(body, community);
        if (errors.Any)
            return errors.ToProblem();
        if (caller.IsCoordinator && community!.StreetId != caller.StreetId)
            return Problems.Forbidden("A coordinator registers teams only for communities of its own street.");

        var team = TeamRegistration.ToTeam(body! with { Mentor = body!.Mentor ?? caller.Username }, community!, status, clock.GetUtcNow());
        if (!await teams.RegisterAsync(team, caller.Username, null, ct))
            return Problems.Conflict("Team already exists", $"The street already has a team named '{team.Name}'.");
        return TypedResults.Created($"/api/teams/{team.Id}", ToResponse(team, caller));
    }

    private static async Task<Results<Ok<ItemsPage<TeamResponse>>, ValidationProblem>> List(
        Caller caller, TeamStore teams, string? status, Guid? communityId, Guid? streetId, string? category, string? skill, string? q,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(status is null || TeamStatus.All.Contains(status), "status", $"status must be one of {string.Join(", ", TeamStatus.All)}.")
            .Require(category is null || ServiceCategories.IsKnown(category), "category", $"'{category}' is not a known category.")
            .Require(skill is null || skill.Length <= 50, "skill", "skill must be at most 50 characters.")
            .Require(q is null || q.Length <= 100, "q", "q must be at most 100 characters.")
            .Validate(page, pageSize);
        if (errors.Any)
            return errors.ToProblem();
        var (pageNumber, size) = Paging.Of(page, pageSize);

        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var skillName = string.IsNullOrWhiteSpace(skill) ? null : skill.Trim();
        var (items, total) = await teams.ListAsync(new TeamFilter(status, communityId, streetId, category, skillName, text), pageNumber, size, ct);
        return TypedResults.Ok(new ItemsPage<TeamResponse>(items.Select(t => ToResponse(t, caller)).ToList(), total));
    }

    private static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, TeamStore teams, CancellationToken ct)
    {
        var team = await teams.FindAsync(id, ct);
        return team is null ? Problems.NotFound("team", id) : TypedResults.Ok(ToResponse(team, caller));
    }

    private static async Task<Results<Ok<List<TeamHistoryItem>>, ProblemHttpResult>> GetHistory(Guid id, Caller caller, TeamStore teams, CancellationToken ct)
    {
        var team = await teams.FindAsync(id, ct);
        // The incubation record is the street's business: outside it the team's history does not exist.
        if (team is null || !(caller.IsAdmin || caller.StreetId == team.StreetId))
            return Problems.NotFound("team", id);
        var history = await teams.HistoryAsync(id, ct);
        return TypedResults.Ok(history.Select(h => new TeamHistoryItem(h.At, h.FromStatus, h.ToStatus, h.Actor, h.Reason, h.Mentor)).ToList());
    }

    /// <summary>The service list is the team's own and its street's: the team, the street's coordinator or an admin edit it.</summary>
    private static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> EditProfile(
        Guid id, ProfileRequest? body, Caller caller, PlaceStore places, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        var team = await teams.FindAsync(id, ct);
        if (team is null)
            return Problems.NotFound("team", id);
        if (!MaySeeLeader(caller, team))
            return Problems.Forbidden("Only the team itself or a coordinator of its street edits a team's service list.");
        if (body is null)
            return ValidationErrors.For("body", "Send the service-list fields to change.");
        var community = await places.FindCommunityAsync(team.CommunityId, ct);
        var merged = TeamRegistration.Merge(team, body);
        var errors = TeamRegistration.Validate(merged, community);
        if (errors.Any)
            return errors.ToProblem();

        var edited = TeamRegistration.ToTeam(merged, community!, team.Status, clock.GetUtcNow());
        switch (await teams.UpdateProfileAsync(id, edited, edited.UpdatedAt, ct))
        {
            case ProfileOutcome.NotFound:
                return Problems.NotFound("team", id);
            case ProfileOutcome.WrongStatus:
                return Problems.Conflict("Team retired", "A retired team's service list is kept as it was; it cannot be edited.");
            case ProfileOutcome.DuplicateName:
                return Problems.Conflict("Team already exists", $"The street already has a team named '{edited.Name}'.");
        }
        return TypedResults.Ok(ToResponse((await teams.FindAsync(id, ct))!, caller));
    }

    private static Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> Incubate(
        Guid id, TransitionRequest? body, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, TeamAction.Incubate, body, caller, teams, clock, ct);

    private static Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> Hatch(
        Guid id, TransitionRequest? body, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, TeamAction.Hatch, body, caller, teams, clock, ct);

    private static Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> Suspend(
        Guid id, TransitionRequest? body, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, TeamAction.Suspend, body, caller, teams, clock, ct);

    private static Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> Retire(
        Guid id, TransitionRequest? body, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, TeamAction.Retire, body, caller, teams, clock, ct);

    /// <summary>Every incubation step: the street's coordinator only, and only from a status the lifecycle allows.</summary>
    private static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, TeamAction action, TransitionRequest? body, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason.Trim();
        var mentor = string.IsNullOrWhiteSpace(body?.Mentor) ? null : body.Mentor.Trim();
        var errors = new ValidationErrors()
            .Require(reason is null || reason.Length <= ReasonLength, "reason", $"reason must be at most {ReasonLength} characters.")
            // Retiring cannot be undone, so the record must say why.
            .Require(action != TeamAction.Retire || reason is not null, "reason", "reason is required to retire a team.")
            .Require(mentor is null || mentor.Length <= 50, "mentor", "mentor must be at most 50 characters.");
        if (errors.Any)
            return errors.ToProblem();

        var team = await teams.FindAsync(id, ct);
        if (team is null)
            return Problems.NotFound("team", id);
        if (team.StreetId != caller.StreetId)
            return Problems.Forbidden($"Only a coordinator of the team's street may {Verb(action)} a team.");
        if (!TeamLifecycle.Allows(team.Status, action))
            return WrongStatus(team.Status, action);

        var changed = await teams.TransitionAsync(id, action, reason, mentor, caller.Username, clock.GetUtcNow(), ct);
        var now = await teams.FindAsync(id, ct);
        if (now is null)
            return Problems.NotFound("team", id);
        // Someone else changed the team between our read and our update; answer with what it is now.
        return changed ? TypedResults.Ok(ToResponse(now, caller)) : WrongStatus(now.Status, action);
    }

    private static TeamResponse ToResponse(Team t, Caller caller)
    {
        var leader = MaySeeLeader(caller, t);
        var record = t.TrackRecord;
        return new TeamResponse(t.Id, t.Name, t.Kind, t.CommunityId, t.StreetId, t.DistrictId, t.Categories, t.Skills,
            t.ServiceArea, t.Capacity, t.MembersCount, t.Status, t.HatchedAt, t.CreatedAt,
            leader ? t.LeaderName : null, leader ? t.LeaderPhone : null, t.Availability, t.Mentor, t.Version,
            new TrackRecordResponse(record.OrdersClaimed, record.OrdersCompleted, record.OrdersReleased, record.ServiceHours,
                record.VolunteersEngaged, record.AverageRating, record.RatingsCount));
    }

    /// <summary>The leader's name and phone are personal data: the team itself and those who run its street only.</summary>
    private static bool MaySeeLeader(Caller caller, Team team) =>
        caller.IsAdmin || IsStreetCoordinator(caller, team) || (caller.IsTeam && caller.TeamId == team.Id);

    private static bool IsStreetCoordinator(Caller caller, Team team) => caller.IsCoordinator && caller.StreetId == team.StreetId;

    private static ProblemHttpResult WrongStatus(string status, TeamAction action) =>
        Problems.Conflict("Team in the wrong status",
            $"Cannot {Verb(action)} a team that is {status}; it must be {string.Join(" or ", TeamLifecycle.From(action))}.");

    private static string Verb(TeamAction action) => action.ToString().ToLowerInvariant();
}
