namespace Dispatch.Reliability.Tests;

/// <summary>
/// A burst of publishes and claims through the gateway while the broker or a service goes down and
/// comes back: afterwards every published need is an order and is claimed by exactly one team, every
/// claim reached the needs and teams services, and no event was applied twice — counted from each
/// service's database, the outbox and inbox rows, and the broker's own queues.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class BurstFaultTests(OneOfEach fixture, ITestOutputHelper output) : IClassFixture<OneOfEach>
{
    [Fact]
    public async Task RabbitMQ_stopped_and_restarted_during_a_burst_loses_nothing_and_applies_nothing_twice()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture.System, "broker", teamCount: 4);
        var burst = new Burst(street, "broker");

        await burst.RunAsync(async b =>
        {
            await b.PublishedAtLeastAsync(8);
            await fixture.Servers.StopRabbitMqAsync();
            b.FaultsInjected++;
            // Publishes keep landing in the outbox while the broker is down.
            await b.PublishedAtLeastAsync(b.Published + 10);
            await fixture.Servers.StartRabbitMqAsync();
        });

        await AssertNothingLostOrDoubledAsync(street, burst);
    }

    [Fact]
    public async Task Services_killed_with_SIGKILL_during_a_burst_and_restarted_lose_nothing_and_apply_nothing_twice()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture.System, "sigkill", teamCount: 4);
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

    private async Task AssertNothingLostOrDoubledAsync(Street street, Burst burst)
    {
        var needs = burst.Needs;
        var ledger = await Ledger.SettledAsync(fixture.System, needs, street.TeamIds, TimeSpan.FromSeconds(90));
        var tapped = await fixture.Broker.DrainTapAsync();
        var depths = await Eventually.ReturnsAsync(() => fixture.Broker.QueueDepthsAsync(), d => d.Values.All(v => v == 0), TimeSpan.FromSeconds(30));
        var ours = needs.ToHashSet();
        var claimsOnTheWire = tapped.Where(m => m.Type == "OrderClaimed" && m.NeedId is { } n && ours.Contains(n)).ToList();
        var publishesOnTheWire = tapped.Where(m => m.Type == "NeedPublished" && m.NeedId is { } n && ours.Contains(n)).ToList();
        var repeatedOnTheWire = claimsOnTheWire.Count - claimsOnTheWire.Select(m => m.MessageId).Distinct().Count()
                                + publishesOnTheWire.Count - publishesOnTheWire.Select(m => m.MessageId).Distinct().Count();

        output.WriteLine($"messages sent: {publishesOnTheWire.Count} NeedPublished + {claimsOnTheWire.Count} OrderClaimed on the broker " +
                         $"({repeatedOnTheWire} re-sent with the same id after a fault); faults injected: {burst.FaultsInjected}");
        output.WriteLine($"needs published: {ledger.Published}, orders in matching: {ledger.InMatching}, claimed: {ledger.Claimed}, still in hall: {ledger.StillInHall}");
        output.WriteLine($"claim requests: {burst.Claims}");
        output.WriteLine($"needs lost: {ledger.NeedsLost}, duplicates applied: {ledger.DuplicatesApplied}");
        output.WriteLine($"ledger: {ledger}");
        output.WriteLine($"queues: {string.Join(", ", depths.Select(d => $"{d.Key}={d.Value}"))}");

        Assert.True(ledger.Settled, $"the system did not settle: {ledger}");
        Assert.Equal(needs.Count, ledger.Published);
        Assert.Equal(0, ledger.NeedsLost);
        Assert.Equal(0, ledger.DuplicatesApplied);
        Assert.Equal(ledger.Published, ledger.Claimed);
        Assert.Equal(ledger.Claimed, ledger.ClaimsMirroredInNeeds);
        Assert.Equal(ledger.Claimed, ledger.ClaimedTimelineEntries);
        Assert.Equal(ledger.Claimed, ledger.TrackRecordClaims);
        Assert.Equal(ledger.Claimed, ledger.ClaimEventsInOutbox);
        Assert.Equal(ledger.Claimed, ledger.NeedsInboxClaims);
        Assert.Equal(ledger.Claimed, ledger.TeamsInboxClaims);
        Assert.Equal(0, burst.Claims.NeedsWonTwice);
        Assert.True(burst.Claims.Won <= ledger.Claimed, $"more claim requests won ({burst.Claims.Won}) than orders were claimed ({ledger.Claimed})");
        // Every event crossed the broker; one re-sent after a fault has the same id, and the inboxes absorbed it.
        Assert.Equal(ledger.Claimed, claimsOnTheWire.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(ledger.Published, publishesOnTheWire.Select(m => m.NeedId).Distinct().Count());
        Assert.DoesNotContain(depths, d => d.Key.EndsWith("_error", StringComparison.Ordinal) && d.Value > 0);
    }
}
