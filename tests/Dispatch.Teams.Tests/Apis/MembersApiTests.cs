using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>A team's member list: who keeps it, who reads the phones, and the team's members count following it.</summary>
[Collection(TeamsCollection.Name)]
public sealed class MembersApiTests(TeamsService service)
{
    [Fact]
    public async Task A_team_adds_a_member_and_reads_them_back_with_their_phone()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);

        var response = await client.PostAsJsonAsync($"/api/teams/{team.Id}/members", Members.New("张秀英", "138 0000-1234"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = (await response.Content.ReadFromJsonAsync<MemberView>())!;
        Assert.Equal($"/api/teams/{team.Id}/members/{member.Id}", response.Headers.Location?.ToString());
        Assert.Equal(("张秀英", "13800001234", new DateOnly(2025, 3, 1), (DateOnly?)null, 0m), (member.Name, member.Phone, member.JoinedOn, member.LeftOn, member.ServiceHours));
        var stored = await client.GetFromJsonAsync<MemberView>(response.Headers.Location);
        Assert.Equal(member with { Skills = [] }, stored! with { Skills = [] });
        Assert.Equal(["陪伴聊天"], stored.Skills);
    }

    [Fact]
    public async Task A_members_phone_is_read_by_the_team_and_its_streets_coordinators_only()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();
        await Members.AddAsync(street.TeamClient(team.Id), team.Id, "李淑芬", "13912345678");
        var elsewhere = await Street.CreateAsync(service);
        var path = $"/api/teams/{team.Id}/members";

        foreach (var keeper in new[] { street.TeamClient(team.Id), street.Coordinator })
            Assert.Equal("13912345678", Assert.Single((await keeper.GetFromJsonAsync<MemberPage>(path))!.Items).Phone);
        // An admin sees who serves, never how to call them.
        var seenByAdmin = Assert.Single((await street.Admin.GetFromJsonAsync<MemberPage>(path))!.Items);
        Assert.Equal(("李淑芬", (string?)null), (seenByAdmin.Name, seenByAdmin.Phone));
        foreach (var outsider in new[] { street.TeamClient(other.Id), street.Branch, elsewhere.Coordinator })
        {
            var refused = await outsider.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("13912345678", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await street.TeamClient(other.Id).PostAsJsonAsync(path, Members.New("冒名"))).StatusCode);
        Assert.Equal(1, (await street.Coordinator.GetFromJsonAsync<MemberPage>(path))!.Total);
    }

    [Fact]
    public async Task The_members_count_follows_the_member_list_once_there_is_one()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        Assert.Equal(20, team.MembersCount); // typed at registration, kept until the team lists its members
        var client = street.TeamClient(team.Id);

        var first = await Members.AddAsync(client, team.Id, "王桂兰");
        await Members.AddAsync(client, team.Id, "赵志强");
        Assert.Equal(2, (await TeamAsync(street, team.Id)).MembersCount);

        var leaving = Members.New(first.Name, first.Phone);
        leaving["leftOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd");
        var response = await client.PutAsJsonAsync($"/api/teams/{team.Id}/members/{first.Id}", leaving);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<MemberView>())!.LeftOn);
        var after = await TeamAsync(street, team.Id);
        Assert.Equal(1, after.MembersCount);
        Assert.True(after.Version > team.Version);
        var current = (await client.GetFromJsonAsync<MemberPage>($"/api/teams/{team.Id}/members?current=true"))!;
        Assert.Equal(["赵志强"], current.Items.Select(m => m.Name));
    }

    [Fact]
    public async Task Once_a_team_lists_its_members_a_typed_count_is_a_400_and_a_new_team_need_not_type_one()
    {
        var street = await Street.CreateAsync(service);
        var body = street.NewTeam();
        body.Remove("membersCount");
        var team = await Street.CreatedAsync<TeamView>(street.Coordinator.PostAsJsonAsync("/api/teams", body));
        Assert.Equal(0, team.MembersCount);
        Assert.Equal(HttpStatusCode.OK, (await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { membersCount = 12 })).StatusCode);
        await Members.AddAsync(street.TeamClient(team.Id), team.Id, "周文斌");

        var typed = await street.Coordinator.PatchAsJsonAsync($"/api/teams/{team.Id}", new { membersCount = 30 });
        var same = await street.TeamClient(team.Id).PatchAsJsonAsync($"/api/teams/{team.Id}", new { membersCount = 1, availability = new[] { "weekends" } });

        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Equal(["membersCount"], (await typed.Content.ReadFromJsonAsync<ProblemView>())!.Errors!.Keys);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode); // a form that sends the count it shows still saves
        Assert.Equal(1, (await same.Content.ReadFromJsonAsync<TeamView>())!.MembersCount);
        Assert.Equal(["weekends"], (await TeamAsync(street, team.Id)).Availability);
    }

    [Fact]
    public async Task A_member_record_with_mistakes_is_a_400_naming_each_and_stores_nothing()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);
        var body = new Dictionary<string, object?>
        {
            ["name"] = " ", ["phone"] = "12ab", ["skills"] = new[] { "" }, ["joinedOn"] = "2099-01-01", ["leftOn"] = "2098-01-01",
        };

        var response = await client.PostAsJsonAsync($"/api/teams/{team.Id}/members", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemView>())!;
        Assert.Equal(["joinedOn", "leftOn", "name", "phone", "skills"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await client.GetFromJsonAsync<MemberPage>($"/api/teams/{team.Id}/members"))!.Total);
        var notADate = await client.PostAsync($"/api/teams/{team.Id}/members",
            new StringContent("""{"name":"周","joinedOn":"03/01/2025"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
    }

    [Fact]
    public async Task The_same_name_and_phone_twice_is_a_409_but_namesakes_with_other_phones_are_two_people()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);
        await Members.AddAsync(client, team.Id, "张伟", "13700000001");

        var again = await client.PostAsJsonAsync($"/api/teams/{team.Id}/members", Members.New("张伟", "137-0000-0001"));
        var namesake = await client.PostAsJsonAsync($"/api/teams/{team.Id}/members", Members.New("张伟", "13700000002"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, namesake.StatusCode);
        Assert.Equal(2, (await TeamAsync(street, team.Id)).MembersCount);
    }

    private static async Task<TeamView> TeamAsync(Street street, Guid teamId) =>
        (await street.Coordinator.GetFromJsonAsync<TeamView>($"/api/teams/{teamId}"))!;
}
