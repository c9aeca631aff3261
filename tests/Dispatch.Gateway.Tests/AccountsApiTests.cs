using System.Net;
using System.Net.Http.Json;
using System.Text;
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
        var response = await Admin.PostAsJsonAsync("/api/accounts", new { username = $"no-place-{role}", password = "long-enough-1", role });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Branch_account_is_bound_to_its_community_street_and_district_and_signs_in_with_them()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts",
            new { username = "huiquan-branch", password = "long-enough-1", role = "branch", communityId = FakeServices.CommunityId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal($"/api/accounts/{body.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal(FakeServices.StreetId, body.GetProperty("streetId").GetGuid());
        Assert.Equal(FakeServices.DistrictId, body.GetProperty("districtId").GetGuid());
        Assert.False(body.TryGetProperty("passwordHash", out _));
        var token = await (await gateway.CreateClient().RequestTokenAsync("huiquan-branch", "long-enough-1")).JsonAsync();
        Assert.Equal("branch", token.GetProperty("role").GetString());
        Assert.Equal(FakeServices.CommunityId, token.GetProperty("communityId").GetGuid());
        Assert.Equal(FakeServices.StreetId, token.GetProperty("streetId").GetGuid());
    }

    [Fact]
    public async Task Duplicate_username_gets_409()
    {
        var account = new { username = "twice", password = "long-enough-1", role = "admin" };
        (await Admin.PostAsJsonAsync("/api/accounts", account)).EnsureSuccessStatusCode();

        var second = await Admin.PostAsJsonAsync("/api/accounts", account);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Branch_may_not_create_accounts()
    {
        var branch = gateway.ClientWithToken(TestTokens.Branch(FakeServices.CommunityId, FakeServices.StreetId, FakeServices.DistrictId));

        var response = await branch.PostAsJsonAsync("/api/accounts", new { username = "sneaky", password = "long-enough-1", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Coordinator_may_not_create_a_coordinator_account()
    {
        var response = await Coordinator.PostAsJsonAsync("/api/accounts",
            new { username = "another-coordinator", password = "long-enough-1", role = "coordinator", streetId = FakeServices.StreetId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Coordinator_creates_a_team_account_for_its_street_with_its_own_token_passed_to_the_registry()
    {
        var token = TestTokens.Coordinator(FakeServices.StreetId, FakeServices.DistrictId);

        var response = await gateway.ClientWithToken(token).PostAsJsonAsync("/api/accounts",
            new { username = "team-01", password = "long-enough-1", role = "team", teamId = FakeServices.TeamId });

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
            new { username = "foreign-team", password = "long-enough-1", role = "team", teamId = FakeServices.OtherStreetTeamId });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_team_gets_400_naming_teamId()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts",
            new { username = "ghost-team", password = "long-enough-1", role = "team", teamId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("teamId", out _));
    }

    [Fact]
    public async Task Admin_lists_accounts_by_role()
    {
        (await Admin.PostAsJsonAsync("/api/accounts", new { username = "listed-admin", password = "long-enough-1", role = "admin" })).EnsureSuccessStatusCode();

        var body = await (await Admin.GetAsync("/api/accounts?role=admin&pageSize=100")).JsonAsync();

        Assert.True(body.GetProperty("total").GetInt32() >= 2);
        Assert.Contains(body.GetProperty("items").EnumerateArray(), a => a.GetProperty("username").GetString() == "listed-admin");
        Assert.All(body.GetProperty("items").EnumerateArray(), a => Assert.Equal("admin", a.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Accounts_are_found_by_role_place_team_name_and_status_a_page_at_a_time()
    {
        foreach (var n in Enumerable.Range(1, 3))
            (await Admin.PostAsJsonAsync("/api/accounts", new { username = $"searched-branch-{n}", role = "branch", communityId = FakeServices.CommunityId })).EnsureSuccessStatusCode();
        var team = await (await Admin.PostAsJsonAsync("/api/accounts", new { username = "searched-team", role = "team", teamId = FakeServices.TeamId })).JsonAsync();
        (await Admin.PostAsync($"/api/accounts/{team.GetProperty("id").GetGuid()}/disable", null)).EnsureSuccessStatusCode();

        async Task<List<string>> Usernames(string query)
        {
            var body = await (await Admin.GetAsync($"/api/accounts?{query}")).JsonAsync();
            return [.. body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("username").GetString()!)];
        }

        Assert.Equal(["searched-branch-1", "searched-branch-2", "searched-branch-3"], await Usernames($"q=SEARCHED-branch&communityId={FakeServices.CommunityId}"));
        Assert.Equal(["searched-branch-3"], await Usernames("q=searched-branch&pageSize=2&page=2"));
        Assert.Equal(["searched-team"], await Usernames($"teamId={FakeServices.TeamId}&q=searched"));
        Assert.Equal(["searched-team"], await Usernames($"status=disabled&streetId={FakeServices.StreetId}&q=searched"));
        Assert.DoesNotContain("searched-team", await Usernames("status=active&q=searched"));
        Assert.Empty(await Usernames($"districtId={Guid.NewGuid()}&q=searched"));
        Assert.Empty(await Usernames("q=%25"));
    }

    [Theory]
    [InlineData("status=frozen", "status")]
    [InlineData("role=mayor", "role")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task A_bad_search_gets_400_naming_it(string query, string field)
    {
        var response = await Admin.GetAsync($"/api/accounts?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_coordinator_may_not_search_another_streets_accounts()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Coordinator.GetAsync($"/api/accounts?streetId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Coordinator.GetAsync("/api/accounts?role=branch")).StatusCode);
    }

    [Fact]
    public async Task A_batch_makes_each_good_row_with_its_one_time_password_reports_the_others_and_a_second_run_makes_nothing()
    {
        object[] rows =
        [
            new { role = "team", teamId = FakeServices.TeamId },
            new { role = "team", teamId = FakeServices.OtherStreetTeamId },
            new { role = "team", teamId = Guid.NewGuid() },
            new { role = "branch", communityId = FakeServices.CommunityId },
        ];

        var first = await (await Coordinator.PostAsJsonAsync("/api/accounts/batch", new { accounts = rows })).JsonAsync();
        var second = await (await Coordinator.PostAsJsonAsync("/api/accounts/batch", new { accounts = rows })).JsonAsync();

        Assert.Equal(1, first.GetProperty("created").GetInt32());
        Assert.Equal(3, first.GetProperty("failed").GetInt32());
        var made = first.GetProperty("rows")[0];
        Assert.Equal("created", made.GetProperty("outcome").GetString());
        Assert.Equal("银龄先锋", made.GetProperty("boundTo").GetString());
        Assert.StartsWith("team-", made.GetProperty("username").GetString());
        var oneTime = made.GetProperty("oneTimePassword").GetString()!;
        Assert.True((await (await gateway.CreateClient().RequestTokenAsync(made.GetProperty("username").GetString()!, oneTime)).JsonAsync())
            .GetProperty("mustChangePassword").GetBoolean());
        Assert.True(first.GetProperty("rows")[1].GetProperty("errors").TryGetProperty("account", out _));
        Assert.True(first.GetProperty("rows")[2].GetProperty("errors").TryGetProperty("teamId", out _));
        Assert.True(first.GetProperty("rows")[3].GetProperty("errors").TryGetProperty("account", out _));
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.True(second.GetProperty("rows")[0].GetProperty("errors").TryGetProperty("username", out _));
    }

    [Fact]
    public async Task An_admin_batch_makes_a_streets_branch_accounts()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts/batch", new
        {
            accounts = new object[]
            {
                new { username = "batch-branch-a", role = "branch", communityId = FakeServices.CommunityId },
                new { username = "batch-branch-b", role = "branch", communityId = FakeServices.CommunityId },
                new { username = "Bad Name", role = "branch", communityId = FakeServices.CommunityId },
            },
        });

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.GetProperty("created").GetInt32());
        Assert.Equal("汇泉社区党支部", body.GetProperty("rows")[0].GetProperty("boundTo").GetString());
        Assert.NotEqual(body.GetProperty("rows")[0].GetProperty("oneTimePassword").GetString(), body.GetProperty("rows")[1].GetProperty("oneTimePassword").GetString());
        Assert.True(body.GetProperty("rows")[2].GetProperty("errors").TryGetProperty("username", out _));
    }

    [Fact]
    public async Task An_empty_or_oversized_batch_gets_400_and_makes_nothing()
    {
        var empty = await Admin.PostAsJsonAsync("/api/accounts/batch", new { accounts = Array.Empty<object>() });
        var oversized = await Admin.PostAsJsonAsync("/api/accounts/batch",
            new { accounts = Enumerable.Range(0, 201).Select(n => new { username = $"too-many-{n}", role = "admin" }) });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Equal(0, (await (await Admin.GetAsync("/api/accounts?q=too-many")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.ClientWithToken(
            TestTokens.Branch(FakeServices.CommunityId, FakeServices.StreetId, FakeServices.DistrictId)).PostAsJsonAsync("/api/accounts/batch", new { accounts = Array.Empty<object>() })).StatusCode);
    }

    [Fact]
    public async Task An_account_made_without_a_password_gets_a_one_time_one_that_the_account_must_replace()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts", new { role = "coordinator", streetId = FakeServices.StreetId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.StartsWith("coordinator-", body.GetProperty("username").GetString());
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", body.GetProperty("oneTimePassword").GetString());
        Assert.True(body.GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task A_chosen_password_the_policy_refuses_gets_400_with_its_reasons()
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts", new { username = "weak-one", password = "password", role = "admin" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rules = (await response.JsonAsync()).GetProperty("passwordRules").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("letters_and_digits", rules);
        Assert.Contains("too_common", rules);
    }

    [Fact]
    public async Task A_batch_asked_for_as_CSV_answers_a_file_to_print_with_each_one_time_password()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts/batch")
        {
            Content = JsonContent.Create(new { accounts = new object[] { new { username = "csv-branch", role = "branch", communityId = FakeServices.CommunityId }, new { role = "mayor" } } }),
        };
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("序号,用户名,一次性密码,角色,所属,结果,说明", lines[0]);
        Assert.Matches("^1,csv-branch,[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4},社区党支部,汇泉社区党支部,已创建,$", lines[1]);
        Assert.StartsWith("2,,,mayor,,未创建,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public void A_name_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_the_batch_CSV()
    {
        var csv = Encoding.UTF8.GetString(Apis.AccountBatchCsv.Write(new Apis.AccountBatchResponse(2, 0,
        [
            new(0, "created", "team-1", "team", "=HYPERLINK(\"x\")", Guid.NewGuid(), "abcd-efgh-2345", null),
            new(1, "created", "team-2", "team", "＋1", Guid.NewGuid(), "abcd-efgh-2346", null),
        ])));

        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",＋1", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'＋1", csv, StringComparison.Ordinal);
    }
}
