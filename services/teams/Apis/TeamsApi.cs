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

    /// <summary>How often an edit is worked out again when other edits keep overtaking it, before it gives up with a 409.</summary>
    private const int EditAttempts = 3;

    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams");
        teams.MapGet("/", List);
        teams.MapGet("/{id:guid}", Get);
        teams.MapGet("/{id:guid}/history", GetHistory);
        teams.MapPost("/", Register).RequireAuthorization(Policies.CoordinatorOrAdmin);
        teams.MapPost("/applications", Apply).RequireAuthorization(Policies.CoordinatorOrAdmin);
        teams.MapPatch("/{id:guid}", EditProfile).RequireAuthorization(Policies.TeamCoordinatorOrAdmin);
        teams.MapGet("/{id:guid}/changes", ListChanges).RequireAuthorization(Policies.TeamCoordinatorOrAdmin);

        teams.MapGet("/changes", ChangesQueue).RequireAuthorization(Policies.CoordinatorOrAdmin);
        teams.MapPost("/{id:guid}/changes/{changeId:guid}/approve", ApproveChange).RequireAuthorization(Policies.CoordinatorOrAdmin);
        teams.MapPost("/{id:guid}/changes/{changeId:guid}/reject", RejectChange).RequireAuthorization(Policies.CoordinatorOrAdmin);

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
            return NameTaken(team.Name);
        return TypedResults.Created($"/api/teams/{team.Id}", ToResponse(team, caller));
    }

    private static async Task<Results<Ok<ItemsPage<TeamResponse>>, ValidationProblem>> List(
        [AsParameters] TeamsQuery query, [AsParameters] Paging paging, Caller caller, TeamStore teams, CancellationToken ct)
    {
        var errors = paging.Check(query.Check(new ValidationErrors()));
        if (errors.Any)
            return errors.ToProblem();

        var (items, total) = await teams.ListAsync(query.ToFilter(), paging, ct);
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

    /// <summary>
    /// The service list is the team's own and its street's. The street's coordinator or an admin changes any field
    /// at once; the team changes what <see cref="ProfileRights"/> lets it and proposes its categories, skills and area
    /// (the answer then names the waiting proposal). Every change is recorded with who made it.
    /// </summary>
    private static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> EditProfile(
        Guid id, ProfileRequest? body, Caller caller, PlaceStore places, TeamStore teams, TeamChangeStore changes, MemberStore members,
        TimeProvider clock, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var team = await teams.FindAsync(id, ct);
            if (team is null)
                return Problems.NotFound("team", id);
            if (!MaySeeLeader(caller, team))
                return Problems.Forbidden("Only the team itself or a coordinator of its street edits a team's service list.");
            if (body is null)
                return ValidationErrors.For("body", "Send the service-list fields to change.");
            var byTeam = !caller.IsAdmin && !IsStreetCoordinator(caller, team);
            if (byTeam && NotTheTeamsToChange(body, team) is { Count: > 0 } fields)
                return Problems.Forbidden($"A team does not change its own {string.Join(", ", fields)}: its coordinator does.");

            var community = await places.FindCommunityAsync(team.CommunityId, ct);
            var merged = TeamRegistration.Merge(team, body);
            var errors = TeamRegistration.Validate(merged, community);
            if (body.MembersCount is { } typed && typed != team.MembersCount && await members.AnyAsync(team.Id, ct))
                errors.Add("membersCount", $"membersCount follows the team's member list ({team.MembersCount} who have not left): add members or record that they left instead.");
            if (byTeam)
                errors.Require(body.Capacity is not { } capacity || capacity <= team.CapacityCeiling, "capacity",
                    $"capacity may be at most {team.CapacityCeiling}, the ceiling your coordinator set.");
            if (errors.Any)
                return errors.ToProblem();

            var now = clock.GetUtcNow();
            var wanted = TeamRegistration.ToTeam(merged, community!, team.Status, now);
            var edit = byTeam
                ? await TeamEditAsync(team, body, wanted, changes, ct)
                : (Applied: ProfileFields.Between(team, wanted), Proposal: null, Withdrawn: null);
            if (edit.Applied.IsEmpty && edit.Proposal is null && edit.Withdrawn is null)
                return TypedResults.Ok(ToResponse(team, caller));

            switch (await teams.EditAsync(id, team.Version, edit.Applied, edit.Proposal, edit.Withdrawn, new ChangeAuthor(caller.Username, caller.Role), now, ct))
            {
                case ProfileOutcome.NotFound:
                    return Problems.NotFound("team", id);
                case ProfileOutcome.WrongStatus:
                    return Problems.Conflict("Team retired", "A retired team's service list is kept as it was; it cannot be edited.");
                case ProfileOutcome.DuplicateName:
                    return NameTaken(wanted.Name);
                case ProfileOutcome.Stale when attempt < EditAttempts:
                    continue;
                case ProfileOutcome.Stale:
                    return Problems.Conflict("Team changed meanwhile", "Others kept changing this team's service list; read it again and retry.");
            }
            return TypedResults.Ok(ToResponse((await teams.FindAsync(id, ct))!, caller));
        }
    }

    /// <summary>
    /// A team's edit: what it may change takes effect now; its categories, skills and area join the proposal it has
    /// waiting (a field sent as it already is drops out of the proposal), which the new proposal then replaces.
    /// </summary>
    private static async Task<(ProfileDiff Applied, ProfileDiff? Proposal, Guid? Withdrawn)> TeamEditAsync(
        Team team, ProfileRequest body, Team wanted, TeamChangeStore changes, CancellationToken ct)
    {
        var applied = ProfileFields.Between(team, team.With(ProfileRights.TeamApplies(ProfileFields.Between(team, wanted).After)));
        var asked = new ProfileFields(
            Categories: body.Categories is null ? null : wanted.Categories,
            Skills: body.Skills is null ? null : wanted.Skills,
            ServiceArea: body.ServiceArea is null ? null : wanted.ServiceArea);
        if (asked.IsEmpty)
            return (applied, null, null);

        var waiting = team.PendingChangeId is { } pendingId ? await changes.FindAsync(team.Id, pendingId, ct) : null;
        var proposal = ProfileFields.Between(team, team.With(waiting?.After ?? ProfileFields.None).With(asked));
        if (waiting is not null && ProfileFieldsJson.Write(waiting.After) == ProfileFieldsJson.Write(proposal.After))
            return (applied, null, null); // the same proposal again: it keeps its place in the queue
        return (applied, proposal, waiting?.Id);
    }

    /// <summary>The fields of <paramref name="body"/> that would change what only a coordinator changes.</summary>
    private static List<string> NotTheTeamsToChange(ProfileRequest body, Team team)
    {
        var fields = new List<string>();
        if (body.Name is { } name && name.Trim() != team.Name)
            fields.Add("name");
        if (body.Kind is { } kind && kind != team.Kind)
            fields.Add("kind");
        if (body.CapacityCeiling is { } ceiling && ceiling != team.CapacityCeiling)
            fields.Add("capacityCeiling");
        return fields;
    }

    /// <summary>Every change of the team's service list, newest first: the team itself and those who run its street.</summary>
    private static async Task<Results<Ok<ItemsPage<TeamChangeResponse>>, ValidationProblem, ProblemHttpResult>> ListChanges(
        Guid id, Caller caller, TeamStore teams, TeamChangeStore changes, [AsParameters] Paging paging, CancellationToken ct)
    {
        if (paging.Check(new ValidationErrors()) is { Any: true } invalid)
            return invalid.ToProblem();
        var team = await teams.FindAsync(id, ct);
        if (team is null || !MaySeeLeader(caller, team))
            return Problems.NotFound("team", id);
        var (items, total) = await changes.ListForTeamAsync(id, paging, ct);
        return TypedResults.Ok(new ItemsPage<TeamChangeResponse>(items.Select(TeamChangeResponse.From).ToList(), total));
    }

    /// <summary>The street's changes in one status (waiting ones by default), oldest first: what the coordinator has to decide.</summary>
    private static async Task<Results<Ok<ItemsPage<TeamChangeResponse>>, ValidationProblem, ProblemHttpResult>> ChangesQueue(
        Caller caller, TeamChangeStore changes, string? status, Guid? streetId, [AsParameters] Paging paging, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(status is null || TeamChangeStatus.All.Contains(status), "status", $"status must be one of {string.Join(", ", TeamChangeStatus.All)}.");
        if (paging.Check(errors).Any)
            return errors.ToProblem();
        if (caller.IsCoordinator && streetId is { } asked && asked != caller.StreetId)
            return Problems.Forbidden("A coordinator sees only its own street's changes.");
        var street = caller.IsAdmin ? streetId : caller.StreetId ?? Guid.Empty;
        var (items, total) = await changes.ListByStatusAsync(status ?? TeamChangeStatus.Pending, street, paging, ct);
        return TypedResults.Ok(new ItemsPage<TeamChangeResponse>(items.Select(TeamChangeResponse.From).ToList(), total));
    }

    /// <summary>The team's categories, skills or area as it proposed them take effect, and other services hear of it.</summary>
    private static async Task<Results<Ok<TeamChangeResponse>, ValidationProblem, ProblemHttpResult>> ApproveChange(
        Guid id, Guid changeId, Caller caller, TeamStore teams, TeamChangeStore changes, TimeProvider clock, CancellationToken ct)
    {
        if (await DecidingAsync(id, caller, teams, ct) is { } refused)
            return refused;
        return await DecidedAsync(id, changeId, await teams.ApproveAsync(id, changeId, caller.Username, clock.GetUtcNow(), ct), changes, ct);
    }

    private static async Task<Results<Ok<TeamChangeResponse>, ValidationProblem, ProblemHttpResult>> RejectChange(
        Guid id, Guid changeId, RejectChangeRequest? body, Caller caller, TeamStore teams, TeamChangeStore changes, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireText(body?.Reason?.Trim(), "reason", ReasonLength);
        if (errors.Any)
            return errors.ToProblem();
        if (await DecidingAsync(id, caller, teams, ct) is { } refused)
            return refused;
        var outcome = await teams.RejectAsync(id, changeId, caller.Username, body!.Reason!.Trim(), clock.GetUtcNow(), ct);
        return await DecidedAsync(id, changeId, outcome, changes, ct);
    }

    /// <summary>Null when the caller may decide the team's proposals: a coordinator of its street, or an admin.</summary>
    private static async Task<ProblemHttpResult?> DecidingAsync(Guid id, Caller caller, TeamStore teams, CancellationToken ct)
    {
        var team = await teams.FindAsync(id, ct);
        if (team is null)
            return Problems.NotFound("team", id);
        return caller.IsAdmin || IsStreetCoordinator(caller, team)
            ? null
            : Problems.Forbidden("Only a coordinator of the team's street decides its proposals.");
    }

    private static async Task<Results<Ok<TeamChangeResponse>, ValidationProblem, ProblemHttpResult>> DecidedAsync(
        Guid id, Guid changeId, DecisionOutcome outcome, TeamChangeStore changes, CancellationToken ct)
    {
        var change = await changes.FindAsync(id, changeId, ct);
        return (outcome, change) switch
        {
            (_, null) or (DecisionOutcome.NotFound, _) => Problems.NotFound("change", changeId),
            (DecisionOutcome.NotPending, _) => Problems.Conflict("Change already decided", $"This change is {change.Status}; only a pending one is approved or rejected."),
            (DecisionOutcome.TeamRetired, _) => Problems.Conflict("Team retired", "A retired team's service list is kept as it was; it cannot be changed."),
            _ => TypedResults.Ok(TeamChangeResponse.From(change)),
        };
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
                record.VolunteersEngaged, record.AverageRating, record.RatingsCount, record.OrdersReassigned,
                record.OrdersAutoReleased, record.OrdersTransferred,
                record.AverageResidentRating, record.ResidentRatingsCount),
            t.CapacityCeiling, leader ? t.PendingChangeId : null);
    }

    /// <summary>The leader's name and phone are personal data: the team itself and those who run its street only.</summary>
    private static bool MaySeeLeader(Caller caller, Team team) =>
        caller.IsAdmin || IsStreetCoordinator(caller, team) || (caller.IsTeam && caller.TeamId == team.Id);

    private static bool IsStreetCoordinator(Caller caller, Team team) => caller.IsCoordinator && caller.StreetId == team.StreetId;

    private static ProblemHttpResult NameTaken(string name) =>
        Problems.Conflict("Team already exists", $"The district already has a team named '{name}'.");

    private static ProblemHttpResult WrongStatus(string status, TeamAction action) =>
        Problems.Conflict("Team in the wrong status",
            $"Cannot {Verb(action)} a team that is {status}; it must be {string.Join(" or ", TeamLifecycle.From(action))}.");

    private static string Verb(TeamAction action) => action.ToString().ToLowerInvariant();
}
