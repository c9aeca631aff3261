namespace Dispatch.Reliability.Tests;

/// <summary>
/// The fault tests on one replica of every process. Here: a burst of publishes and claims through the gateway while the broker or a service goes down and
/// comes back: afterwards every published need is an order and is claimed by exactly one team, every
/// claim reached the needs and teams services, and no event was applied twice — counted from each
/// service's database, the outbox and inbox rows, and the broker's own queues.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed partial class FaultTests(OneOfEach fixture, ITestOutputHelper output) : IClassFixture<OneOfEach>
{
    [Fact]
    public async Task RabbitMQ_stopped_and_restarted_during_a_burst_loses_nothing_and_applies_nothing_twice()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture, "broker", teamCount: 4, capacity: 4);
        var burst = new Burst(street, "broker");

        await burst.RunAsync(async b =>
        {
            await b.PublishedAtLeastAsync(8);
            await fixture.Servers.StopRabbitMqAsync();
            b.FaultsInjected++;
            try
            {
                // A service that was up stays ready (Degraded) while the broker is away, so nothing takes it out of rotation.
                await Eventually.TrueAsync(() => IsDegradedButReadyAsync(fixture.System.Process("needs")), TimeSpan.FromSeconds(30),
                    "needs should answer /health/ready 200 Degraded while RabbitMQ is down");
                // Publishes keep landing in the outbox while the broker is down.
                await b.PublishedAtLeastAsync(b.Published + 8);
            }
            finally
            {
                await fixture.Servers.StartRabbitMqAsync();
            }
        });

        await AssertNothingLostOrDoubledAsync(street, burst);
    }

    [Fact]
    public async Task Services_killed_with_SIGKILL_during_a_burst_and_restarted_lose_nothing_and_apply_nothing_twice()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture, "sigkill", teamCount: 4, capacity: 4);
        var burst = new Burst(street, "sigkill");

        await burst.RunAsync(async b =>
        {
            foreach (var name in new[] { "matching", "needs", "teams" })
            {
                await b.PublishedAtLeastAsync(b.Published + 6);
                var process = fixture.System.Process(name);
                await process.KillAsync();
                b.FaultsInjected++;
                process.Restart();
                await DispatchSystem.WaitReadyAsync(process);
            }
        });

        await AssertNothingLostOrDoubledAsync(street, burst);
    }

    private static async Task<bool> IsDegradedButReadyAsync(ServiceProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri(process.BaseAddress, "/health/ready"));
        return response.StatusCode == System.Net.HttpStatusCode.OK
            && (await response.Content.ReadAsStringAsync()).Contains("\"status\":\"Degraded\"", StringComparison.Ordinal);
    }

    private Task AssertNothingLostOrDoubledAsync(Street street, Burst burst) =>
        Verdict.NothingLostOrDoubledAsync(fixture, output, street, burst, faultsMayResend: true);
}
