using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class AccountsApiTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => gateway.ClientWithToken(TestTokens.Admin());

    private HttpClient Coordinator => gateway.ClientWithToken(TestTokens.Coordinator(FakeServices.StreetId, FakeServices.DistrictId));

    [Fact]
    public async Task Invalid_account_gets_400_naming_every_field()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts", new { username = "A!", password = "short", role = "mayor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("role", out _));
    }

    [Theory]
    [InlineData("branch", "communityId")]
    [InlineData("coordinator", "streetId")]
    [InlineData("team", "teamId")]
    public async Task Role_without_its_place_gets_400_naming_it(string role, string field)
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts", new { username = $"no-place-{role}", password = "long-enough", role });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Branch_account_is_bound_to_its_community_street_and_district_and_signs_in_with_them()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts",
            new { username = "huiquan-branch", password = "long-enough", role = "branch", communityId = FakeServices.CommunityId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal($"/api/accounts/{body.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal(FakeServices.StreetId, body.GetProperty("streetId").GetGuid());
        Assert.Equal(FakeServices.DistrictId, body.GetProperty("districtId").GetGuid());
        Assert.False(body.TryGetProperty("passwordHash", out _));
        var token = await (await gateway.CreateClient().RequestTokenAsync("huiquan-branch", "long-enough")).JsonAsync();
        Assert.Equal("branch", token.GetProperty("role").GetString());
        Assert.Equal(FakeServices.CommunityId, token.GetProperty("communityId").GetGuid());
        Assert.Equal(FakeServices.StreetId, token.GetProperty("streetId").GetGuid());
    }

    [Fact]
    public async Task Duplicate_username_gets_409()
    {
        var account = new { username = "twice", password = "long-enough", role = "admin" };
        (await Admin.PostAsJsonAsync("/api/accounts", account)).EnsureSuccessStatusCode();

        var second = await Admin.PostAsJsonAsync("/api/accounts", account);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Branch_may_not_create_accounts()
    {
        var branch = gateway.ClientWithToken(TestTokens.Branch(FakeServices.CommunityId, FakeServices.StreetId, FakeServices.DistrictId));

        var response = await branch.PostAsJsonAsync("/api/accounts", new { username = "sneaky", password = "long-enough", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Coordinator_may_not_create_a_coordinator_account()
    {
        var response = await Coordinator.PostAsJsonAsync("/api/accounts",
            new { username = "another-coordinator", password = "long-enough", role = "coordinator", streetId = FakeServices.StreetId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Coordinator_creates_a_team_account_for_its_street_with_its_own_token_passed_to_the_registry()
    {
        var token = TestTokens.Coordinator(FakeServices.StreetId, FakeServices.DistrictId);

        var response = await gateway.ClientWithToken(token).PostAsJsonAsync("/api/accounts",
            new { username = "team-01", password = "long-enough", role = "team", teamId = FakeServices.TeamId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(FakeServices.TeamId, body.GetProperty("teamId").GetGuid());
        Assert.Equal(FakeServices.CommunityId, body.GetProperty("communityId").GetGuid());
        Assert.Contains($"Bearer {token}", gateway.Fakes.RegistryAuthorizations);
        var listed = await (await Coordinator.GetAsync("/api/accounts")).JsonAsync();
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("username").GetString() == "team-01");
        Assert.All(listed.GetProperty("items").EnumerateArray(), a => Assert.Equal("team", a.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Coordinator_may_not_create_an_account_for_another_streets_team()
    {
        var response = await Coordinator.PostAsJsonAsync("/api/accounts",
            new { username = "foreign-team", password = "long-enough", role = "team", teamId = FakeServices.OtherStreetTeamId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_team_gets_400_naming_teamId()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts",
            new { username = "ghost-team", password = "long-enough", role = "team", teamId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("teamId", out _));
    }

    [Fact]
    public async Task Admin_lists_accounts_by_role()
    {
        (await Admin.PostAsJsonAsync("/api/accounts", new { username = "listed-admin", password = "long-enough", role = "admin" })).EnsureSuccessStatusCode();

        var body = await (await Admin.GetAsync("/api/accounts?role=admin&pageSize=100")).JsonAsync();

        Assert.True(body.GetProperty("total").GetInt32() >= 2);
        Assert.Contains(body.GetProperty("items").EnumerateArray(), a => a.GetProperty("username").GetString() == "listed-admin");
        Assert.All(body.GetProperty("items").EnumerateArray(), a => Assert.Equal("admin", a.GetProperty("role").GetString()));
    }
}
