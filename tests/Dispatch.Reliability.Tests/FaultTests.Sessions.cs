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
        using var street = await new StreetBuilder(fixture.System.Gateway, "broker-down-sessions").BuildAsync();
        var (accountId, token) = await SessionProbe.CoordinatorOfAsync(street, fixture.System.Gateway);
        Assert.True((await SessionProbe.StatusesAsync(fixture.System, token)).All(HttpStatusCode.OK), "every process should accept the token first");

        await fixture.Servers.StopRabbitMqAsync();
        ProcessStatuses duringOutage;
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await street.Admin.PostAsync($"/api/accounts/{accountId}/disable")).Status);
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
