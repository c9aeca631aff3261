using System.Text;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.ServiceDefaults.Time;
using Dispatch.Teams.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>
/// The station's yearly volunteer figures, beside the match-rate figures in the coordinator's dashboard: per community,
/// registered and active volunteers, service hours, orders served and the top teams by hours; also as a CSV table.
/// </summary>
internal static class VolunteerFiguresApi
{
    private const int TopTeams = 10;
    private const int TopTeamsPerCommunity = 3;
    private const int FirstYear = 2000;

    public static IEndpointRouteBuilder MapVolunteerFiguresApi(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/stats").RequireAuthorization(Policies.CoordinatorOrAdmin);
        stats.MapGet("/volunteers", Get);
        stats.MapGet("/volunteers.csv", GetCsv);
        return app;
    }

    private static async Task<Results<Ok<VolunteerFigures>, ValidationProblem, ProblemHttpResult>> Get(
        int? year, Guid? streetId, Caller caller, PlaceStore places, VolunteerFiguresStore store, TimeProvider clock, CancellationToken ct)
    {
        var (figures, _, invalid, problem) = await FiguresAsync(year, streetId, caller, places, store, clock, ct);
        return invalid ?? problem ?? (Results<Ok<VolunteerFigures>, ValidationProblem, ProblemHttpResult>)TypedResults.Ok(figures!);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetCsv(
        int? year, Guid? streetId, Caller caller, PlaceStore places, VolunteerFiguresStore store, TimeProvider clock, CancellationToken ct)
    {
        var (figures, teams, invalid, problem) = await FiguresAsync(year, streetId, caller, places, store, clock, ct);
        if (invalid is not null)
            return invalid;
        if (problem is not null)
            return problem;
        // With a byte-order mark, so a spreadsheet opens the Chinese names as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(VolunteerFiguresCsv.Write(figures!, teams!))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"volunteers-{figures!.Year}.csv");
    }

    /// <summary>The figures, and every team that served in the year ranked by hours (the figures keep its first ten).</summary>
    private static async Task<(VolunteerFigures? Figures, IReadOnlyList<TeamHours>? Ranking, ValidationProblem? Invalid, ProblemHttpResult? Problem)> FiguresAsync(
        int? year, Guid? streetId, Caller caller, PlaceStore places, VolunteerFiguresStore store, TimeProvider clock, CancellationToken ct)
    {
        var thisYear = ServiceDates.Today(clock).Year;
        var errors = new ValidationErrors()
            .Require(year is null || (year >= FirstYear && year <= thisYear), "year", $"year must be between {FirstYear} and {thisYear}.")
            .Require(!caller.IsAdmin || streetId is not null, "streetId", "streetId is required.");
        if (errors.Any)
            return (null, null, errors.ToProblem(), null);
        if (caller.IsCoordinator && streetId is { } other && other != caller.StreetId)
            return (null, null, null, Problems.Forbidden("A coordinator sees the figures of its own street only."));
        if ((streetId ?? caller.StreetId) is not { } id || await places.FindStreetAsync(id, ct) is not { } street)
            return (null, null, null, Problems.NotFound("street", streetId ?? Guid.Empty));

        var figuresYear = year ?? thisYear;
        var (from, to) = (new DateOnly(figuresYear, 1, 1), new DateOnly(figuresYear, 12, 31));
        var communities = await places.CommunitiesOfStreetAsync(street.Id, ct);
        var volunteers = (await store.VolunteersAsync(street.Id, from, to, ct)).ToDictionary(v => v.CommunityId);
        var teams = (await store.TeamsAsync(street.Id, from, to, ct))
            .OrderByDescending(t => t.ServiceHours).ThenByDescending(t => t.OrdersServed).ThenBy(t => t.TeamName, StringComparer.Ordinal).ToList();

        var byCommunity = communities.Select(c =>
        {
            var counted = volunteers.GetValueOrDefault(c.Id) ?? new CommunityVolunteers(c.Id, 0, 0);
            var own = teams.Where(t => t.CommunityId == c.Id).ToList();
            return new CommunityVolunteerFigures(c.Id, c.Name, counted.Registered, counted.Active, own.Sum(t => t.ServiceHours), own.Sum(t => t.OrdersServed),
                own.Take(TopTeamsPerCommunity).Select(t => ToHours(t, c.Name)).ToList());
        }).ToList();
        // Each member belongs to one team and each team to one community, so the street's counts are the communities' sums.
        var totals = new VolunteerCounts(byCommunity.Sum(c => c.RegisteredVolunteers), byCommunity.Sum(c => c.ActiveVolunteers),
            teams.Sum(t => t.ServiceHours), teams.Sum(t => t.OrdersServed));
        var names = communities.ToDictionary(c => c.Id, c => c.Name);
        var ranking = teams.Select(t => ToHours(t, names.GetValueOrDefault(t.CommunityId, ""))).ToList();
        return (new VolunteerFigures(figuresYear, street.Id, street.Name, totals, byCommunity, ranking.Take(TopTeams).ToList()), ranking, null, null);
    }

    private static TeamHours ToHours(TeamYear t, string communityName) => new(t.TeamId, t.TeamName, t.CommunityId, communityName, t.ServiceHours, t.OrdersServed);
}
