using System.Text.Json;
using System.Text.RegularExpressions;
using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class AuthApiTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Bootstrapped_admin_gets_a_bearer_token_that_opens_admin_endpoints()
    {
        var client = gateway.CreateClient();

        var response = await client.RequestTokenAsync("admin", GatewayFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal("admin", body.GetProperty("role").GetString());
        Assert.True(body.GetProperty("expiresIn").GetInt32() > 0);
        var accounts = await gateway.ClientWithToken(body.GetProperty("accessToken").GetString()!).GetAsync("/api/accounts");
        Assert.Equal(HttpStatusCode.OK, accounts.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_401()
    {
        var client = gateway.CreateClient();

        var wrongPassword = await client.RequestTokenAsync("admin", "not-the-password");
        var unknownUser = await client.RequestTokenAsync("nobody-here", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal("application/problem+json", wrongPassword.Content.Headers.ContentType?.MediaType);
        var a = await wrongPassword.JsonAsync();
        var b = await unknownUser.JsonAsync();
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_failures_from_one_address_lock_that_pair_with_the_same_answer_for_a_real_and_an_invented_username()
    {
        await CreateAccountAsync("lockme", "right-password-1");
        var client = gateway.ClientFrom("10.1.0.1");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync("lockme", "wrong-password-1")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync("nobody-at-all", "wrong-password-1")).StatusCode);
        }
        var real = await client.RequestTokenAsync("lockme", "right-password-1");
        var invented = await client.RequestTokenAsync("nobody-at-all", "right-password-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, real.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, invented.StatusCode);
        Assert.InRange(real.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.InRange(invented.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var (a, b) = (await real.JsonAsync(), await invented.JsonAsync());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        static string Words(JsonElement problem) => Regex.Replace(problem.GetProperty("detail").GetString()!, "[0-9]+", "N");
        Assert.Equal(Words(a), Words(b));
    }

    [Fact]
    public async Task A_stranger_who_locks_the_admin_at_his_address_does_not_keep_the_admin_out_at_hers()
    {
        var stranger = gateway.ClientFrom("10.2.0.66");
        for (var i = 0; i < 12; i++)
            await stranger.RequestTokenAsync("admin", $"guess-{i}-password");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await stranger.RequestTokenAsync("admin", GatewayFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientFrom("10.2.0.1").RequestTokenAsync("admin", GatewayFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task Four_failures_then_the_right_password_still_signs_in_and_clears_them()
    {
        await CreateAccountAsync("almost", "right-password-1");
        var client = gateway.ClientFrom("10.3.0.1");

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
                await client.RequestTokenAsync("almost", "wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync("almost", "right-password-1")).StatusCode);
        }
    }

    [Fact]
    public async Task Eighty_accounts_sign_in_from_one_address_one_after_another_as_at_a_matching_meeting()
    {
        var usernames = Enumerable.Range(1, 80).Select(n => $"meeting-team-{n:D2}").ToList();
        foreach (var username in usernames)
            await CreateAccountAsync(username, "meeting-password-1");
        var venue = gateway.ClientFrom("10.4.0.1");

        var statuses = new List<HttpStatusCode>();
        foreach (var username in usernames)
            statuses.Add((await venue.RequestTokenAsync(username, "meeting-password-1")).StatusCode);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Disabled_account_with_the_right_password_is_told_so_and_gets_no_token()
    {
        var id = await CreateAccountAsync("gone-away", "right-password-1");
        (await Admin().PostAsync($"/api/accounts/{id}/disable", null)).EnsureSuccessStatusCode();

        var response = await gateway.ClientFrom("10.5.0.1").RequestTokenAsync("gone-away", "right-password-1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Account disabled", (await response.JsonAsync()).GetProperty("title").GetString());
    }

    private HttpClient Admin() => gateway.ClientWithToken(TestTokens.Admin());

    private async Task<Guid> CreateAccountAsync(string username, string password)
    {
        var response = await Admin().PostAsJsonAsync("/api/accounts", new { username, password, role = "admin" });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Token_request_without_fields_gets_400_naming_both()
    {
        var response = await gateway.CreateClient().PostAsJsonAsync("/api/auth/token", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Landing_page_is_public()
    {
        var response = await gateway.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("志愿服务派单系统", await response.Content.ReadAsStringAsync());
    }
}
