using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Spreadsheets;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>The station's yearly volunteer figures: registered and active volunteers, hours and orders per community, top teams.</summary>
[Collection(TeamsCollection.Name)]
public sealed class VolunteerFiguresTests(TeamsService service)
{
    private IBus Bus => service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task A_years_figures_count_members_of_the_year_the_hours_that_still_count_and_orders_reported_as_totals()
    {
        var street = await Street.CreateAsync(service);
        var silver = await street.RegisterTeamAsync("银龄-" + Guid.NewGuid().ToString("N")[..6]);
        var neighbours = await Street.CreatedAsync<TeamView>(street.Coordinator.PostAsJsonAsync("/api/teams", street.NewTeam(communityId: street.Neighbour.Id)));
        var client = street.TeamClient(silver.Id);
        var wang = await AddAsync(client, silver.Id, "王桂兰", "2025-01-01");
        var zhao = await AddAsync(client, silver.Id, "赵志强", "2026-02-01");
        await AddAsync(client, silver.Id, "孙丽华", "2024-01-01", leftOn: "2025-06-30");
        await AddAsync(street.TeamClient(neighbours.Id), neighbours.Id, "钱国强", "2025-05-01");

        await CompleteAsync(silver.Id, street.Community.Id, new DateOnly(2026, 3, 1), new Attendance(wang, 2m), new Attendance(zhao, 3m));
        await CompleteAsync(silver.Id, street.Community.Id, new DateOnly(2025, 12, 31), new Attendance(wang, 5m));
        var corrected = await CompleteAsync(silver.Id, street.Community.Id, new DateOnly(2026, 5, 1), new Attendance(zhao, 1m));
        await Bus.Publish(new OrderCompleted(Guid.NewGuid(), neighbours.Id, 4m, 2, "只报总数", DateTimeOffset.UtcNow, 4,
            null, "health", street.Neighbour.Id, new DateOnly(2026, 4, 1), "team"));
        await Eventually.TrueAsync(async () => (await Figures(street.Coordinator, 2026)).Totals.OrdersServed == 3
            && (await Figures(street.Coordinator, 2025)).Totals.OrdersServed == 1, because: "the four completions are counted");
        var record = (await client.GetFromJsonAsync<ServiceRecordPage>($"/api/teams/{silver.Id}/members/{zhao}/records"))!.Items.Single(r => r.NeedId == corrected);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/teams/{silver.Id}/members/{zhao}/records",
            new { correctsId = record.Id, hours = 0m, reason = "当天未到岗" })).StatusCode);

        var year = await Figures(street.Coordinator, 2026);

        Assert.Equal((2026, street.StreetId, "文昌路街道"), (year.Year, year.StreetId, year.StreetName));
        Assert.Equal(new VolunteerCountsView(3, 2, 9m, 3), year.Totals);
        var home = year.ByCommunity.Single(c => c.CommunityId == street.Community.Id);
        Assert.Equal(("汇泉", 2, 2, 5m, 2), (home.CommunityName, home.RegisteredVolunteers, home.ActiveVolunteers, home.ServiceHours, home.OrdersServed));
        Assert.Equal([(silver.Id, 5m)], home.TopTeams.Select(t => (t.TeamId, t.ServiceHours)));
        var next = year.ByCommunity.Single(c => c.CommunityId == street.Neighbour.Id);
        Assert.Equal((1, 0, 4m, 1), (next.RegisteredVolunteers, next.ActiveVolunteers, next.ServiceHours, next.OrdersServed));
        Assert.Equal([(silver.Name, "汇泉", 5m, 2), (neighbours.Name, "光州", 4m, 1)], year.TopTeams.Select(t => (t.TeamName, t.CommunityName, t.ServiceHours, t.OrdersServed)));

        var before = await Figures(street.Coordinator, 2025);
        Assert.Equal(new VolunteerCountsView(3, 1, 5m, 1), before.Totals); // 王, 孙 (left mid-year), 钱; only 王 served

        // The same year as the spreadsheet the station files: the street, each community, then every team by hours.
        var csv = await street.Coordinator.GetAsync("/api/stats/volunteers.csv?year=2026");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("volunteers-2026.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // so a spreadsheet reads the Chinese names as UTF-8
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes)).Select(r => string.Join('|', r.Cells)).ToList();
        Assert.Equal([
            "year|dimension|key|name|community|registered_volunteers|active_volunteers|service_hours|orders_served",
            $"2026|total|{street.StreetId}|文昌路街道||3|2|9|3",
        ], rows[..2]);
        Assert.Equal(new[] { $"2026|community|{street.Neighbour.Id}|光州|光州|1|0|4|1", $"2026|community|{street.Community.Id}|汇泉|汇泉|2|2|5|2" }
            .Order(StringComparer.Ordinal), rows[2..4].Order(StringComparer.Ordinal));
        Assert.Equal([$"2026|team|{silver.Id}|{silver.Name}|汇泉|||5|2", $"2026|team|{neighbours.Id}|{neighbours.Name}|光州|||4|1"], rows[4..]);
    }

    [Fact]
    public async Task Figures_are_for_the_callers_own_street_and_a_year_that_has_begun()
    {
        var street = await Street.CreateAsync(service);
        var elsewhere = await Street.CreateAsync(service);

        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Coordinator.GetAsync($"/api/stats/volunteers?streetId={street.StreetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Branch.GetAsync("/api/stats/volunteers")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Admin.GetAsync("/api/stats/volunteers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Admin.GetAsync($"/api/stats/volunteers?streetId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.GetAsync("/api/stats/volunteers?year=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.GetAsync($"/api/stats/volunteers?year={DateTime.UtcNow.Year + 2}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.GetAsync("/api/stats/volunteers?year=99999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Coordinator.GetAsync($"/api/stats/volunteers.csv?streetId={street.StreetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.GetAsync("/api/stats/volunteers.csv?year=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Branch.GetAsync("/api/stats/volunteers.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Admin.GetAsync("/api/stats/volunteers.csv")).StatusCode);
        var empty = (await street.Admin.GetFromJsonAsync<VolunteerFiguresView>($"/api/stats/volunteers?streetId={street.StreetId}"))!;
        Assert.Equal(new VolunteerCountsView(0, 0, 0m, 0), empty.Totals);
        Assert.Equal(["光州", "汇泉"], empty.ByCommunity.Select(c => c.CommunityName).Order(StringComparer.Ordinal));
    }

    private static async Task<VolunteerFiguresView> Figures(HttpClient client, int year) =>
        (await client.GetFromJsonAsync<VolunteerFiguresView>($"/api/stats/volunteers?year={year}"))!;

    private static async Task<Guid> AddAsync(HttpClient client, Guid teamId, string name, string joinedOn, string? leftOn = null)
    {
        var body = Members.New(name, joinedOn: joinedOn);
        body["leftOn"] = leftOn;
        return (await Street.CreatedAsync<MemberView>(client.PostAsJsonAsync($"/api/teams/{teamId}/members", body))).Id;
    }

    private async Task<Guid> CompleteAsync(Guid teamId, Guid communityId, DateOnly servedOn, params Attendance[] attendance)
    {
        var needId = Guid.NewGuid();
        await Bus.Publish(new OrderCompleted(needId, teamId, attendance.Sum(a => a.Hours), attendance.Length, "服务完成", DateTimeOffset.UtcNow, 4,
            attendance, "elderly_care", communityId, servedOn, "team"));
        return needId;
    }
}
