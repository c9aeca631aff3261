using System.Net;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// Ending an account's sessions (disabling it, a password change, a reset) reaches every process, not only the gateway: each service, asked directly, refuses
/// the account's older tokens within a minute (it learns from the gateway's AccountSessionsEnded), and still does
/// after a restart.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EndedSessionsTests(DispatchSystem system)
{
    [Fact]
    public async Task Every_service_refuses_a_disabled_accounts_token_within_a_minute_and_after_a_restart()
    {
        using var street = await new StreetBuilder(system.Gateway, "sessions-off").BuildAsync();
        var (accountId, token) = await SessionProbe.CoordinatorOfAsync(street, system.Gateway);
        Assert.True((await SessionProbe.StatusesAsync(system, token)).All(HttpStatusCode.OK), "every process should accept the token first");

        Assert.Equal(HttpStatusCode.OK, (await street.Admin.PostAsync($"/api/accounts/{accountId}/disable")).Status);

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
        using var street = await new StreetBuilder(system.Gateway, "sessions-pw").BuildAsync();
        var (_, older) = await SessionProbe.CoordinatorOfAsync(street, system.Gateway);
        var current = await GatewayClient.TokenAsync(system.Gateway, street.CoordinatorUsername, street.Password);

        using var signedIn = new GatewayClient(system.Gateway, current);
        var changed = await signedIn.PostAsync("/api/auth/password", new { currentPassword = street.Password, newPassword = "sessions-password-2" });

        Assert.Equal(HttpStatusCode.NoContent, changed.Status);
        await SessionProbe.EveryProcessAnswersAsync(system, older, HttpStatusCode.Unauthorized, "every process should refuse the older session");
        Assert.True((await SessionProbe.StatusesAsync(system, current)).All(HttpStatusCode.Unauthorized), "the session that changed it ends too");
        var fresh = await GatewayClient.TokenAsync(system.Gateway, street.CoordinatorUsername, "sessions-password-2");
        Assert.True((await SessionProbe.StatusesAsync(system, fresh)).All(HttpStatusCode.OK), "the new session should be accepted everywhere");
    }

    [Fact]
    public async Task A_password_reset_ends_the_accounts_sessions_on_every_service()
    {
        using var street = await new StreetBuilder(system.Gateway, "sessions-reset").BuildAsync();
        var (accountId, token) = await SessionProbe.CoordinatorOfAsync(street, system.Gateway);
        Assert.True((await SessionProbe.StatusesAsync(system, token)).All(HttpStatusCode.OK), "every process should accept the token first");

        Assert.Equal(HttpStatusCode.OK, (await street.Admin.PostAsync($"/api/accounts/{accountId}/reset-password")).Status);

        await SessionProbe.EveryProcessAnswersAsync(system, token, HttpStatusCode.Unauthorized, "every process should refuse the session from before the reset");
    }
}
