using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class PasswordApiTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private HttpClient Admin => gateway.ClientWithToken(TestTokens.Admin());

    [Fact]
    public async Task Changing_ones_own_password_answers_204_and_ends_every_older_session()
    {
        await CreateAsync(new { username = "changer", password = "first-password-1", role = "admin" });
        var first = await gateway.CreateClient().TokenAsync("changer", "first-password-1");
        var second = await gateway.CreateClient().TokenAsync("changer", "first-password-1");

        var changed = await gateway.ClientWithToken(first).PostAsJsonAsync("/api/auth/password",
            new { currentPassword = "first-password-1", newPassword = "second-password-2" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        foreach (var old in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ClientWithToken(old).GetAsync("/api/accounts")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ClientWithToken(old).GetAsync("/api/needs")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().RequestTokenAsync("changer", "first-password-1")).StatusCode);
        var fresh = await gateway.CreateClient().TokenAsync("changer", "second-password-2");
        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientWithToken(fresh).GetAsync("/api/accounts")).StatusCode);
    }

    [Theory]
    [InlineData("short1", "too_short")]
    [InlineData("onlyletters", "letters_and_digits")]
    [InlineData("12345678901", "letters_and_digits")]
    [InlineData("policy-user1", "same_as_username")]
    [InlineData("password1", "too_common")]
    [InlineData("Abcd1234", "too_common")]
    [InlineData("policy-password-1", "same_as_current")]
    public async Task A_password_the_policy_refuses_gets_400_with_its_reason_and_changes_nothing(string newPassword, string rule)
    {
        var username = $"policy-{Guid.NewGuid():N}"[..20];
        await CreateAsync(new { username, password = "policy-password-1", role = "admin" });
        var token = await gateway.CreateClient().TokenAsync(username, "policy-password-1");
        newPassword = newPassword == "policy-user1" ? username : newPassword;

        var refused = await gateway.ClientWithToken(token).PostAsJsonAsync("/api/auth/password", new { currentPassword = "policy-password-1", newPassword });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Contains(rule, problem.GetProperty("passwordRules").EnumerateArray().Select(r => r.GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientWithToken(token).GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.CreateClient().RequestTokenAsync(username, "policy-password-1")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_gets_400_and_changes_nothing()
    {
        await CreateAsync(new { username = "forgetful", password = "right-password-1", role = "admin" });
        var token = await gateway.CreateClient().TokenAsync("forgetful", "right-password-1");

        var refused = await gateway.ClientWithToken(token).PostAsJsonAsync("/api/auth/password",
            new { currentPassword = "not-it-password-1", newPassword = "another-password-2" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientWithToken(token).GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task An_account_made_with_a_one_time_password_must_choose_its_own_before_it_can_do_anything_else()
    {
        var created = await CreateAsync(new { username = "newcomer", role = "admin" });
        var oneTime = created.GetProperty("oneTimePassword").GetString()!;
        Assert.True(created.GetProperty("mustChangePassword").GetBoolean());

        var signedIn = await (await gateway.CreateClient().RequestTokenAsync("newcomer", oneTime)).JsonAsync();
        var limited = signedIn.GetProperty("accessToken").GetString()!;
        var ownEndpoint = await gateway.ClientWithToken(limited).GetAsync("/api/accounts");
        var proxied = await gateway.ClientWithToken(limited).GetAsync("/api/needs");
        var changed = await gateway.ClientWithToken(limited).PostAsJsonAsync("/api/auth/password",
            new { currentPassword = oneTime, newPassword = "chosen-password-1" });
        var after = await (await gateway.CreateClient().RequestTokenAsync("newcomer", "chosen-password-1")).JsonAsync();

        Assert.True(signedIn.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, ownEndpoint.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, proxied.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.False(after.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientWithToken(after.GetProperty("accessToken").GetString()!).GetAsync("/api/accounts")).StatusCode);
        var listed = await (await Admin.GetAsync("/api/accounts?q=newcomer")).JsonAsync();
        Assert.DoesNotContain("oneTimePassword", listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_gives_a_new_one_time_password_ends_the_sessions_and_the_old_password_no_longer_works()
    {
        var id = (await CreateAsync(new { username = "reset-me", password = "old-password-1", role = "admin" })).GetProperty("id").GetGuid();
        var token = await gateway.CreateClient().TokenAsync("reset-me", "old-password-1");

        var reset = await Admin.PostAsync($"/api/accounts/{id}/reset-password", null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = (await reset.JsonAsync()).GetProperty("oneTimePassword").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ClientWithToken(token).GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().RequestTokenAsync("reset-me", "old-password-1")).StatusCode);
        var signedIn = await (await gateway.CreateClient().RequestTokenAsync("reset-me", oneTime)).JsonAsync();
        Assert.True(signedIn.GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task A_disabled_accounts_tokens_are_refused_at_once_and_re_enabling_lets_it_sign_in_again()
    {
        var id = (await CreateAsync(new { username = "to-disable", password = "right-password-1", role = "admin" })).GetProperty("id").GetGuid();
        var token = await gateway.CreateClient().TokenAsync("to-disable", "right-password-1");

        var disabled = await Admin.PostAsync($"/api/accounts/{id}/disable", null);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.JsonAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ClientWithToken(token).GetAsync("/api/needs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().RequestTokenAsync("to-disable", "right-password-1")).StatusCode);

        var enabled = await Admin.PostAsync($"/api/accounts/{id}/enable", null);

        Assert.False((await enabled.JsonAsync()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ClientWithToken(token).GetAsync("/api/needs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.CreateClient().RequestTokenAsync("to-disable", "right-password-1")).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_the_account_it_is_signed_in_with()
    {
        var id = (await CreateAsync(new { username = "self-admin", password = "right-password-1", role = "admin" })).GetProperty("id").GetGuid();
        var own = gateway.ClientWithToken(await gateway.CreateClient().TokenAsync("self-admin", "right-password-1"));

        var refused = await own.PostAsync($"/api/accounts/{id}/disable", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_manages_its_streets_team_accounts_only_and_others_are_not_found()
    {
        var team = (await CreateAsync(new { username = "managed-team", role = "team", teamId = FakeServices.TeamId })).GetProperty("id").GetGuid();
        var branch = (await CreateAsync(new { username = "unmanaged-branch", role = "branch", communityId = FakeServices.CommunityId })).GetProperty("id").GetGuid();
        var coordinator = gateway.ClientWithToken(TestTokens.Coordinator(FakeServices.StreetId, FakeServices.DistrictId));
        var otherCoordinator = gateway.ClientWithToken(TestTokens.Coordinator(Guid.NewGuid(), FakeServices.DistrictId));
        var teamCaller = gateway.ClientWithToken(TestTokens.Team(FakeServices.TeamId, FakeServices.CommunityId, FakeServices.StreetId, FakeServices.DistrictId));

        var reset = await coordinator.PostAsync($"/api/accounts/{team}/reset-password", null);
        var branchReset = await coordinator.PostAsync($"/api/accounts/{branch}/reset-password", null);
        var otherStreet = await otherCoordinator.PostAsync($"/api/accounts/{team}/disable", null);
        var byTeam = await teamCaller.PostAsync($"/api/accounts/{team}/disable", null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, branchReset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherStreet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTeam.StatusCode);
        var account = await (await Admin.GetAsync($"/api/accounts/{team}")).JsonAsync();
        Assert.False(account.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Unknown_account_ids_get_404_and_bad_bodies_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync($"/api/accounts/{Guid.NewGuid()}/reset-password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync($"/api/accounts/{Guid.NewGuid()}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/accounts/{Guid.NewGuid()}")).StatusCode);
        var empty = await Admin.PostAsJsonAsync("/api/auth/password", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("currentPassword", out _));
        Assert.True(errors.TryGetProperty("newPassword", out _));
    }

    private async Task<JsonElement> CreateAsync(object account)
    {
        var response = await Admin.PostAsJsonAsync("/api/accounts", account);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
