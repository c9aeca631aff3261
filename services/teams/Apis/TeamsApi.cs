using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>Registering teams, incubating and hatching them, suspending them, and finding them.</summary>
internal static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams");
        teams.MapPost("/", Register);
        teams.MapGet("/", List);
        teams.MapGet("/{id:guid}", Get);
        teams.MapGet("/{id:guid}/history", GetHistory);
        teams.MapPost("/{id:guid}/hatch", Hatch);
        teams.MapPost("/{id:guid}/suspend", Suspend);
        return app;
    }

    private static async Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterTeamRequest? body, Caller caller, PlaceStore places, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        if (!caller.IsAdmin && !caller.IsCoordinator)
            return Problems.Forbidden("Only a coordinator (or an admin) registers teams.");
        var community = body?.CommunityId is { } communityId ? await places.FindCommunityAsync(communityId, ct) : null;
        var errors = TeamRegistration.Validate(body, community);
        if (errors.Any)
            return errors.ToProblem();
        if (caller.IsCoordinator && community!.StreetId != caller.StreetId)
            return Problems.Forbidden("A coordinator registers teams only for communities of its own street.");

        var team = TeamRegistration.ToTeam(body!, community!, clock.GetUtcNow());
        if (!await teams.RegisterAsync(team, caller.Username, ct))
            return Problems.Conflict("Team already exists", $"The street already has a team named '{team.Name}'.");
        return TypedResults.Created($"/api/teams/{team.Id}", ToResponse(team, caller));
    }

    private static async Task<Results<Ok<ItemsPage<TeamResponse>>, ValidationProblem>> List(
        Caller caller, TeamStore teams, string? status, Guid? communityId, Guid? streetId, string? category, string? q,
        int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(status is null || TeamStatus.All.Contains(status), "status", $"status must be one of {string.Join(", ", TeamStatus.All)}.")
            .Require(category is null || ServiceCategories.IsKnown(category), "category", $"'{category}' is not a known category.")
            .Require(q is null || q.Length <= 100, "q", "q must be at most 100 characters.")
            .Validate(page, pageSize);
        if (errors.Any)
            return errors.ToProblem();
        var (pageNumber, size) = Paging.Of(page, pageSize);

        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var (items, total) = await teams.ListAsync(new TeamFilter(status, communityId, streetId, category, text), pageNumber, size, ct);
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
        return TypedResults.Ok(history.Select(h => new TeamHistoryItem(h.At, h.FromStatus, h.ToStatus, h.Actor, h.Reason)).ToList());
    }

    private static Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> Hatch(
        Guid id, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct) =>
        TransitionAsync(id, TeamAction.Hatch, null, caller, teams, clock, ct);

    private static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> Suspend(
        Guid id, SuspendRequest? body, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        if (body?.Reason is { Length: > 500 })
            return ValidationErrors.For("reason", "reason must be at most 500 characters.");
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason.Trim();
        return await TransitionAsync(id, TeamAction.Suspend, reason, caller, teams, clock, ct);
    }

    /// <summary>Hatch and suspend: the street's coordinator (or an admin), and only from a status the lifecycle allows.</summary>
    private static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, TeamAction action, string? reason, Caller caller, TeamStore teams, TimeProvider clock, CancellationToken ct)
    {
        var team = await teams.FindAsync(id, ct);
        if (team is null)
            return Problems.NotFound("team", id);
        if (!IsStreetCoordinatorOrAdmin(caller, team))
            return Problems.Forbidden($"Only a coordinator of the team's street (or an admin) may {Verb(action)} a team.");
        if (!TeamLifecycle.Allows(team.Status, action))
            return WrongStatus(team.Status, action);

        var changed = await teams.TransitionAsync(id, action, reason, caller.Username, clock.GetUtcNow(), ct);
        if (changed is null)
        {
            // Someone else changed the team between our read and our update; answer with what it is now.
            var now = await teams.FindAsync(id, ct);
            return now is null ? Problems.NotFound("team", id) : WrongStatus(now.Status, action);
        }
        return TypedResults.Ok(ToResponse(changed, caller));
    }

    private static TeamResponse ToResponse(Team t, Caller caller)
    {
        var leader = MaySeeLeader(caller, t);
        return new TeamResponse(t.Id, t.Name, t.Kind, t.CommunityId, t.StreetId, t.DistrictId, t.Categories, t.Skills,
            t.ServiceArea, t.Capacity, t.MembersCount, t.Status, t.HatchedAt, t.CreatedAt,
            leader ? t.LeaderName : null, leader ? t.LeaderPhone : null);
    }

    /// <summary>The leader's name and phone are personal data: the team itself and those who run its street only.</summary>
    private static bool MaySeeLeader(Caller caller, Team team) =>
        IsStreetCoordinatorOrAdmin(caller, team) || (caller.IsTeam && caller.TeamId == team.Id);

    private static bool IsStreetCoordinatorOrAdmin(Caller caller, Team team) =>
        caller.IsAdmin || (caller.IsCoordinator && caller.StreetId == team.StreetId);

    private static ProblemHttpResult WrongStatus(string status, TeamAction action) =>
        Problems.Conflict("Team in the wrong status",
            $"Cannot {Verb(action)} a team that is {status}; it must be {string.Join(" or ", TeamLifecycle.From(action))}.");

    private static string Verb(TeamAction action) => action.ToString().ToLowerInvariant();
}
