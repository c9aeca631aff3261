using System.Net;

namespace Dispatch.Reliability.Tests;

public sealed partial class FaultTests
{
    /// <summary>
    /// RabbitMQ is down when an account is disabled: the gateway, which owns the accounts and is the only way in,
    /// refuses the account's token at once; the AccountSessionsEnded event waits in its outbox, and once the broker is
    /// back every service refuses the token too.
    /// </summary>
    [Fact]
    public async Task An_account_disabled_while_RabbitMQ_is_down_is_refused_by_the_gateway_at_once_and_by_every_service_once_it_is_back()
    {
        await fixture.AllReadyAsync();
        using var admin = await GatewayClient.SignInAsync(fixture.System.Gateway, "admin", DispatchSystem.AdminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = "断线区" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Street.Id(district)}/streets", new { name = "断线街道" });
        var account = await admin.PostExpectingAsync("/api/accounts",
            new { username = "broker-down-coordinator", password = "fault-password-1", role = "coordinator", streetId = Street.Id(street) });
        var token = await GatewayClient.TokenAsync(fixture.System.Gateway, "broker-down-coordinator", "fault-password-1");
        Assert.True((await SessionProbe.StatusesAsync(fixture.System, token)).All(HttpStatusCode.OK), "every process should accept the token first");

        await fixture.Servers.StopRabbitMqAsync();
        ProcessStatuses duringOutage;
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/accounts/{Street.Id(account)}/disable")).Status);
            duringOutage = await SessionProbe.StatusesAsync(fixture.System, token);
        }
        finally
        {
            await fixture.Servers.StartRabbitMqAsync();
        }

        Assert.All(duringOutage.Gateways(), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        await SessionProbe.EveryProcessAnswersAsync(fixture.System, token, HttpStatusCode.Unauthorized,
            "every service should refuse the token once the broker is back");
        output.WriteLine($"while RabbitMQ was down: {duringOutage}");
    }
}
