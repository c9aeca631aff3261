using System.Net;
using System.Net.Http.Json;
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
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var admin = gateway.ClientWithToken(await gateway.CreateClient().TokenAsync("admin", GatewayFactory.AdminPassword));
        (await admin.PostAsJsonAsync("/api/accounts", new { username = "lockme", password = "right-password", role = "admin" })).EnsureSuccessStatusCode();
        var client = gateway.CreateClient();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync("lockme", "wrong-password")).StatusCode);
        var locked = await client.RequestTokenAsync("lockme", "right-password");

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked until", (await locked.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Four_failures_then_the_right_password_still_signs_in()
    {
        var admin = gateway.ClientWithToken(await gateway.CreateClient().TokenAsync("admin", GatewayFactory.AdminPassword));
        (await admin.PostAsJsonAsync("/api/accounts", new { username = "almost", password = "right-password", role = "admin" })).EnsureSuccessStatusCode();
        var client = gateway.CreateClient();

        for (var i = 0; i < 4; i++)
            await client.RequestTokenAsync("almost", "wrong-password");

        Assert.Equal(HttpStatusCode.OK, (await client.RequestTokenAsync("almost", "right-password")).StatusCode);
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
