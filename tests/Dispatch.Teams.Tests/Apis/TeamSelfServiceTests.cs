using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Testing;
using Npgsql;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>
/// What a team may change in its own service list: what only it knows at once (availability, members, leader
/// contact, capacity up to its coordinator's ceiling), its categories, skills and area only with the
/// coordinator's approval, nothing else; and every change names who made it.
/// </summary>
[Collection(TeamsCollection.Name)]
public sealed class TeamSelfServiceTests(TeamsService service)
{
    private static readonly string[] AllCategories =
    [
        "elderly_care", "child_welfare", "social_assistance", "disability_support", "health", "counselling",
        "traffic_civility", "environment", "anti_fraud", "legal_aid", "culture",
    ];

    [Fact]
    public async Task A_teams_own_patch_cannot_widen_its_limits_take_another_streets_name_or_go_unrecorded()
    {
        var street = await Street.CreateAsync(service);
        var neighbourStreet = await street.NeighbourStreetAsync();
        var team = await street.RegisterTeamAsync();
        var other = await neighbourStreet.RegisterTeamAsync();
        var self = street.TeamClient(team.Id);

        // What an assessor sent: capacity 50, the whole district, all 11 categories and another street's team's name.
        var attack = await self.PatchAsJsonAsync($"/api/teams/{team.Id}",
            new { capacity = 50, serviceArea = "district", categories = AllCategories, name = other.Name });
        Assert.Equal(HttpStatusCode.Forbidden, attack.StatusCode);

        // Each part alone: the name is not the team's to change, the capacity is over its ceiling, and the area
        // and categories wait for the coordinator.
        Assert.Equal(HttpStatusCode.Forbidden, (await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { name = other.Name })).StatusCode);
        var tooMany = await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 50 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("capacity", (await tooMany.Content.ReadFromJsonAsync<ProblemView>())!.Errors!.Keys);
        var widened = await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { serviceArea = "district", categories = AllCategories });
        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        Assert.NotNull((await widened.Content.ReadFromJsonAsync<TeamView>())!.PendingChangeId);

        var now = (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!;
        Assert.Equal((team.Name, 3, "community", 1L), (now.Name, now.Capacity, now.ServiceArea, now.Version));
        Assert.Equal(["elderly_care", "health"], now.Categories);

        // Names are unique in the district, so not even the coordinator may take the other street's team's name.
        var renamed = await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { name = other.Name });
        Assert.Equal(HttpStatusCode.Conflict, renamed.StatusCode);

        // The proposal is on record with who made it; the refused requests left nothing behind.
        var changes = (await street.Coordinator.GetFromJsonAsync<TeamChangePage>($"/api/teams/{team.Id}/changes"))!;
        var proposal = Assert.Single(changes.Items);
        Assert.Equal(("pending", "team", "team"), (proposal.Status, proposal.ChangedBy, proposal.ChangedByRole));
        Assert.Equal(("community", "district"), (proposal.Before.ServiceArea, proposal.After.ServiceArea));
        Assert.Equal(AllCategories, proposal.After.Categories);
        Assert.DoesNotContain("isEmpty", await street.Coordinator.GetStringAsync($"/api/teams/{team.Id}/changes"), StringComparison.OrdinalIgnoreCase);
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "select count(*) from outbox_messages where message_type = 'TeamProfileChanged' and body->'team'->>'teamId' = @id",
            new { id = team.Id.ToString() }));
    }

    [Fact]
    public async Task A_team_changes_what_only_it_knows_at_once_recorded_as_its_own_change()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        (await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 2, capacityCeiling = 6 })).EnsureSuccessStatusCode();

        var response = await street.TeamClient(team.Id).PatchAsJsonAsync($"/api/teams/{team.Id}", new
        {
            availability = new[] { "weekends" }, membersCount = 31, leaderName = "李红", leaderPhone = "139-1111-2222", capacity = 6,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = (await response.Content.ReadFromJsonAsync<TeamView>())!;
        Assert.Equal((6, 6, 31, "李红", "139-1111-2222", 3L), (edited.Capacity, edited.CapacityCeiling, edited.MembersCount, edited.LeaderName, edited.LeaderPhone, edited.Version));
        Assert.Equal(["weekends"], edited.Availability);
        Assert.Null(edited.PendingChangeId);
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<long>("""
            select count(*) from outbox_messages
            where message_type = 'TeamProfileChanged' and body->'team'->>'teamId' = @id and body->'team'->>'capacity' = '6' and sent_at is not null
            """, new { id = team.Id.ToString() }) == 1, because: "the hall hears of the new capacity at once");

        var changes = (await street.TeamClient(team.Id).GetFromJsonAsync<TeamChangePage>($"/api/teams/{team.Id}/changes"))!;
        Assert.Equal(2, changes.Total);
        var own = changes.Items[0]; // newest first
        Assert.Equal(("applied", "team", "team"), (own.Status, own.ChangedBy, own.ChangedByRole));
        Assert.Equal((2, 6, 20, 31), (own.Before.Capacity, own.After.Capacity, own.Before.MembersCount, own.After.MembersCount));
        Assert.Null(own.After.Categories); // untouched fields stay out of the record
        var coordinators = changes.Items[1];
        Assert.Equal(("applied", "coordinator", "coordinator", 6), (coordinators.Status, coordinators.ChangedBy, coordinators.ChangedByRole, coordinators.After.CapacityCeiling));
    }

    [Fact]
    public async Task A_proposed_skill_waits_for_the_coordinator_and_approving_it_publishes_TeamProfileChanged()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var self = street.TeamClient(team.Id);

        var proposed = (await (await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { skills = new[] { "入户探访", "测血压", "手语" }, availability = new[] { "evenings" } }))
            .Content.ReadFromJsonAsync<TeamView>())!;
        Assert.Equal(["入户探访", "测血压"], proposed.Skills); // not yet
        Assert.Equal(["evenings"], proposed.Availability); // that part is the team's own
        var changeId = proposed.PendingChangeId!.Value;

        // Both sides see it waiting: the team on its record, the coordinator in its street's queue.
        Assert.Equal("pending", (await self.GetFromJsonAsync<TeamChangePage>($"/api/teams/{team.Id}/changes"))!.Items[0].Status);
        var queue = (await street.Coordinator.GetFromJsonAsync<TeamChangePage>("/api/teams/changes"))!;
        var waiting = Assert.Single(queue.Items);
        Assert.Equal((changeId, team.Name), (waiting.Id, waiting.TeamName));
        Assert.Equal(["入户探访", "测血压", "手语"], waiting.After.Skills!);
        Assert.Null(waiting.After.Availability);

        var approve = await street.Coordinator.PostAsync($"/api/teams/{team.Id}/changes/{changeId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var approved = (await approve.Content.ReadFromJsonAsync<TeamChangeView>())!;
        Assert.Equal(("approved", "coordinator"), (approved.Status, approved.DecidedBy));
        var now = (await self.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!;
        Assert.Equal(["入户探访", "测血压", "手语"], now.Skills);
        Assert.Null(now.PendingChangeId);
        Assert.Empty((await street.Coordinator.GetFromJsonAsync<TeamChangePage>("/api/teams/changes"))!.Items);

        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<long>("""
            select count(*) from outbox_messages
            where message_type = 'TeamProfileChanged' and body->'team'->>'teamId' = @id and body->'team'->'skills' ? '手语'
              and (body->'team'->>'version')::int = @version and sent_at is not null
            """, new { id = team.Id.ToString(), version = (int)now.Version }) == 1, because: "approval is relayed as TeamProfileChanged");

        var again = await street.Coordinator.PostAsync($"/api/teams/{team.Id}/changes/{changeId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Rejecting_a_proposal_takes_a_reason_and_changes_nothing()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var changeId = await ProposeAsync(street, team, new { serviceArea = "street" });

        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/changes/{changeId}/reject", new { reason = " " })).StatusCode);
        Assert.Equal("pending", (await ChangeAsync(street, team, changeId)).Status);

        var response = await street.Coordinator.PostAsJsonAsync($"/api/teams/{team.Id}/changes/{changeId}/reject", new { reason = "队伍人手不足以覆盖全街道" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rejected = await ChangeAsync(street, team, changeId);
        Assert.Equal(("rejected", "队伍人手不足以覆盖全街道", "coordinator"), (rejected.Status, rejected.Reason, rejected.DecidedBy));
        var now = (await street.TeamClient(team.Id).GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!;
        Assert.Equal(("community", 1L), (now.ServiceArea, now.Version));
        Assert.Null(now.PendingChangeId);
        Assert.Equal(HttpStatusCode.Conflict, (await street.Coordinator.PostAsync($"/api/teams/{team.Id}/changes/{changeId}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task A_newer_proposal_replaces_the_waiting_one_and_keeps_what_it_does_not_repeat()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var first = await ProposeAsync(street, team, new { skills = new[] { "手语" } });

        var second = await ProposeAsync(street, team, new { serviceArea = "street" });
        var same = await ProposeAsync(street, team, new { serviceArea = "street" });

        Assert.NotEqual(first, second);
        Assert.Equal(second, same); // the same proposal again keeps its place
        Assert.Equal("withdrawn", (await ChangeAsync(street, team, first)).Status);
        var waiting = await ChangeAsync(street, team, second);
        Assert.Equal(("pending", "street"), (waiting.Status, waiting.After.ServiceArea));
        Assert.Equal(["手语"], waiting.After.Skills!);

        // Sending a field as it already is takes it out of the proposal; nothing left withdraws it.
        var third = await ProposeAsync(street, team, new { skills = new[] { "入户探访", "测血压" } });
        Assert.Null((await ChangeAsync(street, team, third)).After.Skills);
        var cleared = await street.TeamClient(team.Id).PatchAsJsonAsync($"/api/teams/{team.Id}", new { serviceArea = "community" });
        Assert.Null((await cleared.Content.ReadFromJsonAsync<TeamView>())!.PendingChangeId);
        Assert.Equal("withdrawn", (await ChangeAsync(street, team, third)).Status);
    }

    [Fact]
    public async Task The_ceiling_caps_the_teams_capacity_and_only_the_coordinator_moves_it()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync(); // capacity 3, so ceiling 3
        var self = street.TeamClient(team.Id);
        Assert.Equal(3, team.CapacityCeiling);

        Assert.Equal(HttpStatusCode.OK, (await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacityCeiling = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await self.PatchAsJsonAsync($"/api/teams/{team.Id}", new { kind = "social_org" })).StatusCode);

        // Lowering the ceiling lowers a capacity above it; a ceiling under the capacity asked for is a 400.
        var lowered = (await (await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacityCeiling = 2 })).Content.ReadFromJsonAsync<TeamView>())!;
        Assert.Equal((2, 2), (lowered.Capacity, lowered.CapacityCeiling));
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacity = 5, capacityCeiling = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { capacityCeiling = 51 })).StatusCode);

        var registered = street.NewTeam();
        registered["capacity"] = 2;
        registered["capacityCeiling"] = 8;
        Assert.Equal(8, (await Street.CreatedAsync<TeamView>(street.Coordinator.PostAsJsonAsync("/api/teams", registered))).CapacityCeiling);
        registered["name"] = $"小于能力-{Guid.NewGuid():N}"[..12];
        registered["capacityCeiling"] = 1;
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.PostAsJsonAsync("/api/teams", registered)).StatusCode);
    }

    [Fact]
    public async Task Only_the_streets_coordinator_or_an_admin_decides_and_sees_the_queue_of_its_street()
    {
        var street = await Street.CreateAsync(service);
        var elsewhere = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();
        var changeId = await ProposeAsync(street, team, new { categories = new[] { "culture" } });

        foreach (var client in new[] { street.TeamClient(team.Id), street.TeamClient(other.Id), street.Branch, elsewhere.Coordinator })
        {
            var approve = await client.PostAsync($"/api/teams/{team.Id}/changes/{changeId}/approve", null);
            Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/teams/{team.Id}/changes/{changeId}/reject", new { reason = "不行" })).StatusCode);
        }
        Assert.Empty((await elsewhere.Coordinator.GetFromJsonAsync<TeamChangePage>("/api/teams/changes"))!.Items);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Coordinator.GetAsync($"/api/teams/changes?streetId={street.StreetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.TeamClient(team.Id).GetAsync("/api/teams/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await street.Coordinator.GetAsync("/api/teams/changes?status=maybe")).StatusCode);
        // A team's record is the team's and its street's business; branches read no team's.
        foreach (var client in new[] { street.TeamClient(other.Id), elsewhere.Coordinator })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/teams/{team.Id}/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Branch.GetAsync($"/api/teams/{team.Id}/changes")).StatusCode);
        Assert.Null((await street.Branch.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.PendingChangeId);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Coordinator.PostAsync($"/api/teams/{other.Id}/changes/{changeId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.Coordinator.PostAsync($"/api/teams/{team.Id}/changes/{Guid.NewGuid()}/approve", null)).StatusCode);
        Assert.Equal("pending", (await ChangeAsync(street, team, changeId)).Status);

        var queue = (await street.Admin.GetFromJsonAsync<TeamChangePage>($"/api/teams/changes?streetId={street.StreetId}"))!;
        Assert.Equal(changeId, Assert.Single(queue.Items).Id);
        Assert.Equal(HttpStatusCode.OK, (await street.Admin.PostAsync($"/api/teams/{team.Id}/changes/{changeId}/approve", null)).StatusCode);
        Assert.Equal(["culture"], (await street.Admin.GetFromJsonAsync<TeamView>($"/api/teams/{team.Id}"))!.Categories);
    }

    [Fact]
    public async Task Team_names_are_unique_in_the_district_at_registration_and_in_a_roster()
    {
        var street = await Street.CreateAsync(service);
        var neighbourStreet = await street.NeighbourStreetAsync();
        var team = await street.RegisterTeamAsync();

        var namesake = await neighbourStreet.Coordinator.PostAsJsonAsync("/api/teams", neighbourStreet.NewTeam(team.Name));
        Assert.Equal(HttpStatusCode.Conflict, namesake.StatusCode);
        Assert.Contains("district", (await namesake.Content.ReadFromJsonAsync<ProblemView>())!.Detail);

        var roster = $"""
            队伍名称,社区,服务类别,承接能力,成员数,负责人,联系电话
            {team.Name},{neighbourStreet.Community.Name},养老服务,2,10,周六,13800004444
            """;
        var report = (await (await neighbourStreet.Coordinator.PostAsync("/api/teams/import", new StringContent(roster, System.Text.Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<ImportReportView>())!;
        var row = Assert.Single(report.Rows);
        Assert.Equal(("invalid", null), (row.Outcome, row.TeamId));
        Assert.Equal(["name"], row.Errors!.Keys);

        // Another district may use the name.
        var elsewhere = await Street.CreateAsync(service);
        Assert.Equal(HttpStatusCode.Created, (await elsewhere.Coordinator.PostAsJsonAsync("/api/teams", elsewhere.NewTeam(team.Name))).StatusCode);
    }

    private static async Task<Guid> ProposeAsync(Street street, TeamView team, object change)
    {
        var response = await street.TeamClient(team.Id).PatchAsJsonAsync($"/api/teams/{team.Id}", change);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TeamView>())!.PendingChangeId!.Value;
    }

    private static async Task<TeamChangeView> ChangeAsync(Street street, TeamView team, Guid changeId) =>
        (await street.Coordinator.GetFromJsonAsync<TeamChangePage>($"/api/teams/{team.Id}/changes?pageSize=100"))!.Items.Single(c => c.Id == changeId);
}
