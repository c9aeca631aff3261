using System.Net;
using System.Text.Json.Nodes;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// Ending an account's sessions reaches every process, not only the gateway: each service, asked directly, refuses
/// the account's older tokens within a minute (it learns from the gateway's AccountSessionsEnded), and still does
/// after a restart.
/// </summary>
public sealed class EndedSessionsTests(DispatchSystem system) : IClassFixture<DispatchSystem>
{
    private const string Password = "sessions-password-1";

    [Fact]
    public async Task Every_service_refuses_a_disabled_accounts_token_within_a_minute_and_after_a_restart()
    {
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);
        var accountId = await CoordinatorAsync(admin, "禁用街道", "disabled-coordinator");
        var token = await GatewayClient.TokenAsync(system.Gateway, "disabled-coordinator", Password);
        Assert.True((await SessionProbe.StatusesAsync(system, token)).All(HttpStatusCode.OK), "every process should accept the token first");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/{accountId}/disable")).Status);

        await SessionProbe.EveryProcessAnswersAsync(system, token, HttpStatusCode.Unauthorized, "every process should refuse the disabled account's token");
        var teams = system.Process("teams");
        await teams.KillAsync();
        teams.Restart();
        await DispatchSystem.WaitReadyAsync(teams);
        Assert.True((await SessionProbe.StatusesAsync(system, token)).All(HttpStatusCode.Unauthorized), "a restarted service should still refuse it");
    }

    [Fact]
    public async Task A_password_change_ends_the_accounts_older_sessions_on_every_service_and_the_new_one_is_accepted()
    {
        using var admin = await GatewayClient.SignInAsync(system.Gateway, "admin", DispatchSystem.AdminPassword);
        await CoordinatorAsync(admin, "改密街道", "changing-coordinator");
        var older = await GatewayClient.TokenAsync(system.Gateway, "changing-coordinator", Password);
        var current = await GatewayClient.TokenAsync(system.Gateway, "changing-coordinator", Password);

        using var signedIn = new GatewayClient(system.Gateway, current);
        var changed = await signedIn.PostAsync("/api/auth/password", new { currentPassword = Password, newPassword = "sessions-password-2" });

        Assert.Equal(HttpStatusCode.NoContent, changed.Status);
        await SessionProbe.EveryProcessAnswersAsync(system, older, HttpStatusCode.Unauthorized, "every process should refuse the older session");
        Assert.True((await SessionProbe.StatusesAsync(system, current)).All(HttpStatusCode.Unauthorized), "the session that changed it ends too");
        var fresh = await GatewayClient.TokenAsync(system.Gateway, "changing-coordinator", "sessions-password-2");
        Assert.True((await SessionProbe.StatusesAsync(system, fresh)).All(HttpStatusCode.OK), "the new session should be accepted everywhere");
    }

    private static async Task<Guid> CoordinatorAsync(GatewayClient admin, string streetName, string username)
    {
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = $"{streetName}区" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = streetName });
        return Id(await admin.PostExpectingAsync("/api/accounts", new { username, password = Password, role = "coordinator", streetId = Id(street) }));
    }

    private static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
