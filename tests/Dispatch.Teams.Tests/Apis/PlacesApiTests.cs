using System.Net;
using System.Net.Http.Json;
using Dapper;
using Dispatch.Testing;
using Npgsql;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

[Collection(TeamsCollection.Name)]
public sealed class PlacesApiTests(TeamsService service)
{
    [Fact]
    public async Task Admin_creates_district_street_and_community_each_with_201_and_a_location_that_answers()
    {
        var street = await Street.CreateAsync(service);
        var admin = street.Admin;

        var name = $"北关-{Guid.NewGuid():N}"[..10];
        var response = await admin.PostAsJsonAsync($"/api/places/streets/{street.StreetId}/communities", new { name, branchName = "北关社区党支部" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CommunityView>())!;
        Assert.Equal(new CommunityView(created.Id, name, "北关社区党支部", street.StreetId, "文昌路街道", street.DistrictId, street.District.Name), created);
        Assert.Equal($"/api/places/communities/{created.Id}", response.Headers.Location?.ToString());
        Assert.Equal(created, await admin.GetFromJsonAsync<CommunityView>(response.Headers.Location));

        var streetView = (await street.Branch.GetFromJsonAsync<StreetView>($"/api/places/streets/{street.StreetId}"))!;
        Assert.Equal(street.DistrictId, streetView.DistrictId);
        Assert.Equal(["光州", "北关", "汇泉"], streetView.Communities.Select(c => c.Name[..2]).Order().ToArray());

        var district = (await admin.GetFromJsonAsync<DistrictView>($"/api/places/districts/{street.DistrictId}"))!;
        Assert.Equal(street.StreetId, Assert.Single(district.Streets).Id);
    }

    [Fact]
    public async Task A_duplicate_name_in_the_same_parent_gets_409_but_another_parent_may_reuse_it()
    {
        var street = await Street.CreateAsync(service);
        var admin = street.Admin;

        var again = await admin.PostAsJsonAsync($"/api/places/streets/{street.StreetId}/communities", new { name = "汇泉", branchName = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var sameStreet = await admin.PostAsJsonAsync($"/api/places/districts/{street.DistrictId}/streets", new { name = "文昌路街道" });
        Assert.Equal(HttpStatusCode.Conflict, sameStreet.StatusCode);
        var sameDistrict = await admin.PostAsJsonAsync("/api/places/districts", new { name = street.District.Name });
        Assert.Equal(HttpStatusCode.Conflict, sameDistrict.StatusCode);

        // Another street of the same district may have its own 汇泉, and another district its own 文昌路街道.
        var neighbour = (await (await admin.PostAsJsonAsync($"/api/places/districts/{street.DistrictId}/streets", new { name = "向阳街道" }))
            .Content.ReadFromJsonAsync<StreetView>())!;
        var reusedCommunity = await admin.PostAsJsonAsync($"/api/places/streets/{neighbour.Id}/communities", new { name = "汇泉", branchName = "汇泉社区党支部" });
        Assert.Equal(HttpStatusCode.Created, reusedCommunity.StatusCode);
        var otherDistrict = (await (await admin.PostAsJsonAsync("/api/places/districts", new { name = $"另一区-{Guid.NewGuid():N}" }))
            .Content.ReadFromJsonAsync<DistrictView>())!;
        var reusedStreet = await admin.PostAsJsonAsync($"/api/places/districts/{otherDistrict.Id}/streets", new { name = "文昌路街道" });
        Assert.Equal(HttpStatusCode.Created, reusedStreet.StatusCode);
        var names = (await admin.GetFromJsonAsync<StreetView>($"/api/places/streets/{neighbour.Id}"))!.Communities.Select(c => c.Name);
        Assert.Equal(["汇泉"], names);
    }

    [Theory]
    [InlineData("北关\u202e区社")]
    [InlineData("北关\u200b社区")]
    [InlineData("北关\n社区")]
    public async Task A_place_name_with_an_invisible_or_line_breaking_character_is_a_400(string name)
    {
        var street = await Street.CreateAsync(service);

        var response = await street.Admin.PostAsJsonAsync($"/api/places/streets/{street.StreetId}/communities",
            new { name, branchName = "北关社区党支部" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_under_an_unknown_parent_gets_404()
    {
        var admin = service.ClientWithToken(TestTokens.Admin());

        var street = await admin.PostAsJsonAsync($"/api/places/districts/{Guid.NewGuid()}/streets", new { name = "文昌路街道" });
        var community = await admin.PostAsJsonAsync($"/api/places/streets/{Guid.NewGuid()}/communities", new { name = "汇泉", branchName = "汇泉社区党支部" });

        Assert.Equal(HttpStatusCode.NotFound, street.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, community.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_adds_places()
    {
        var street = await Street.CreateAsync(service);

        var district = await street.Coordinator.PostAsJsonAsync("/api/places/districts", new { name = $"x-{Guid.NewGuid()}" });
        var newStreet = await street.Coordinator.PostAsJsonAsync($"/api/places/districts/{street.DistrictId}/streets", new { name = "另一街道" });
        var community = await street.Branch.PostAsJsonAsync($"/api/places/streets/{street.StreetId}/communities", new { name = "定海", branchName = "定海社区党支部" });

        Assert.Equal(HttpStatusCode.Forbidden, district.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newStreet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, community.StatusCode);
        var view = (await street.Admin.GetFromJsonAsync<StreetView>($"/api/places/streets/{street.StreetId}"))!;
        Assert.Equal(2, view.Communities.Length);
    }

    [Fact]
    public async Task A_place_without_a_name_gets_400_naming_each_field()
    {
        var street = await Street.CreateAsync(service);

        var response = await street.Admin.PostAsJsonAsync($"/api/places/streets/{street.StreetId}/communities", new { name = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ProblemView>())!;
        Assert.Equal(["branchName", "name"], problem.Errors!.Keys.Order().ToArray());
    }

    [Fact]
    public async Task The_place_tree_nests_districts_streets_and_communities()
    {
        var street = await Street.CreateAsync(service);

        var tree = (await street.Branch.GetFromJsonAsync<DistrictView[]>("/api/places"))!;

        var district = Assert.Single(tree, d => d.Id == street.DistrictId);
        var node = Assert.Single(district.Streets);
        Assert.Equal((street.StreetId, "文昌路街道"), (node.Id, node.Name));
        Assert.Equal(
            [new CommunityNodeView(street.Neighbour.Id, "光州", "光州社区党支部"), new CommunityNodeView(street.Community.Id, "汇泉", "汇泉社区党支部")],
            node.Communities.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Unknown_places_get_404_and_anonymous_callers_401()
    {
        var admin = service.ClientWithToken(TestTokens.Admin());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/places/communities/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/places/streets/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.CreateClient().GetAsync("/api/places")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_community_relays_CommunityRegistered_with_its_street_and_district()
    {
        var street = await Street.CreateAsync(service);

        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        var body = await Eventually.ReturnsAsync(
            () => connection.QuerySingleOrDefaultAsync<string>("""
                select body::text from outbox_messages
                where message_type = 'CommunityRegistered' and body->>'communityId' = @id and sent_at is not null
                """, new { id = street.Community.Id.ToString() }),
            b => b is not null, because: "the CommunityRegistered row is relayed");

        Assert.Contains(street.StreetId.ToString(), body);
        Assert.Contains(street.DistrictId.ToString(), body);
        Assert.Contains("文昌路街道", body);
    }

    [Fact]
    public async Task Renaming_a_street_renames_it_everywhere_and_announces_each_of_its_communities_again()
    {
        var street = await Street.CreateAsync(service);

        var renamed = await street.Admin.PatchAsJsonAsync($"/api/places/streets/{street.StreetId}", new { name = "文昌街道" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("文昌街道", (await renamed.Content.ReadFromJsonAsync<StreetView>())!.Name);
        Assert.Equal("文昌街道", (await street.Admin.GetFromJsonAsync<CommunityView>($"/api/places/communities/{street.Community.Id}"))!.StreetName);
        await using var connection = new NpgsqlConnection(service.DatabaseConnectionString);
        var announced = await connection.QueryAsync<string>("""
            select body->>'communityId' from outbox_messages where message_type = 'CommunityRegistered' and body->>'streetName' = '文昌街道'
            """);
        Assert.Equal(new[] { street.Community.Id, street.Neighbour.Id }.Select(id => id.ToString()).Order(), announced.Order());
    }

    [Fact]
    public async Task A_community_and_its_branch_are_renamed_one_field_at_a_time_and_a_district_too()
    {
        var street = await Street.CreateAsync(service);

        var branch = await street.Admin.PatchAsJsonAsync($"/api/places/communities/{street.Community.Id}", new { branchName = "汇泉社区党委" });
        var name = await street.Admin.PatchAsJsonAsync($"/api/places/communities/{street.Community.Id}", new { name = "汇泉新区" });
        var district = await street.Admin.PatchAsJsonAsync($"/api/places/districts/{street.DistrictId}", new { name = street.District.Name + "新" });

        Assert.Equal(HttpStatusCode.OK, branch.StatusCode);
        var community = (await name.Content.ReadFromJsonAsync<CommunityView>())!;
        Assert.Equal(("汇泉新区", "汇泉社区党委"), (community.Name, community.BranchName));
        Assert.Equal(street.District.Name + "新", (await district.Content.ReadFromJsonAsync<DistrictView>())!.Name);
    }

    [Fact]
    public async Task A_rename_to_a_name_the_parent_has_gets_409_a_bad_one_400_an_unknown_place_404_and_a_coordinator_403_each_changing_nothing()
    {
        var street = await Street.CreateAsync(service);
        var path = $"/api/places/communities/{street.Community.Id}";

        var taken = await street.Admin.PatchAsJsonAsync(path, new { name = "光州" });
        var blank = await street.Admin.PatchAsJsonAsync(path, new { name = " " });
        var nothing = await street.Admin.PatchAsJsonAsync(path, new { });
        var tooLong = await street.Admin.PatchAsJsonAsync($"/api/places/streets/{street.StreetId}", new { name = new string('长', 101) });
        var unknown = await street.Admin.PatchAsJsonAsync($"/api/places/districts/{Guid.NewGuid()}", new { name = "无此区" });
        var coordinator = await street.Coordinator.PatchAsJsonAsync(path, new { name = "改名" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.Equal("汇泉", (await street.Admin.GetFromJsonAsync<CommunityView>(path))!.Name);
    }
}
