namespace Dispatch.Reliability.Tests;

/// <summary>The checks every burst ends with.</summary>
public static class Verdict
{
    /// <summary>
    /// Every need of the burst is an order, claimed once (all of them, or as many as the teams have places
    /// for: no team above its capacity), known to every service; nothing in flight, nothing newly parked;
    /// counts printed. Returns the ledger and every message the tap saw.
    /// </summary>
    public static async Task<(Ledger Ledger, IReadOnlyList<TappedMessage> Tapped)> NothingLostOrDoubledAsync(FaultSystem fixture, ITestOutputHelper output, Street street, Burst burst, bool faultsMayResend)
    {
        var needs = burst.Needs;
        var places = street.TeamIds.Count * street.Capacity;
        var ledger = await Ledger.SettledAsync(fixture.System, needs, street.TeamIds, TimeSpan.FromSeconds(90), places);
        var tapped = await fixture.Broker.DrainTapAsync();
        var depths = await Eventually.ReturnsAsync(() => fixture.Broker.QueueDepthsAsync(),
            d => d.Where(q => !Broker.IsErrorQueue(q.Key)).All(q => q.Value == 0), TimeSpan.FromSeconds(30));
        var ours = needs.ToHashSet();
        var claimsOnTheWire = tapped.Where(m => m.Type == "OrderClaimed" && m.NeedId is { } n && ours.Contains(n)).ToList();
        var publishesOnTheWire = tapped.Where(m => m.Type == "NeedPublished" && m.NeedId is { } n && ours.Contains(n)).ToList();
        var repeatedOnTheWire = claimsOnTheWire.Count - claimsOnTheWire.Select(m => m.MessageId).Distinct().Count()
                                + publishesOnTheWire.Count - publishesOnTheWire.Select(m => m.MessageId).Distinct().Count();

        output.WriteLine($"messages sent: {publishesOnTheWire.Count} NeedPublished + {claimsOnTheWire.Count} OrderClaimed on the broker " +
                         $"({repeatedOnTheWire} re-sent with the same id after a fault); faults injected: {burst.FaultsInjected}");
        output.WriteLine($"needs published: {ledger.Published}, orders in matching: {ledger.InMatching}, claimed: {ledger.Claimed}, still in hall: {ledger.StillInHall}; " +
                         $"places: {street.TeamIds.Count} teams x {street.Capacity}, most held by one team: {ledger.MostHeldByOneTeam}");
        output.WriteLine($"claim requests: {burst.Claims}");
        output.WriteLine($"needs lost: {ledger.NeedsLost}, duplicates applied: {ledger.DuplicatesApplied}");
        output.WriteLine($"ledger: {ledger}");
        output.WriteLine($"queues: {string.Join(", ", depths.Select(d => $"{d.Key}={d.Value}"))}");

        Assert.True(ledger.Settled, $"the system did not settle: {ledger}");
        Assert.Equal(needs.Count, ledger.Published);
        Assert.Equal(0, ledger.NeedsLost);
        Assert.Equal(0, ledger.DuplicatesApplied);
        Assert.Equal(Math.Min(ledger.Published, places), ledger.Claimed);
        Assert.True(ledger.MostHeldByOneTeam <= street.Capacity, $"a team holds {ledger.MostHeldByOneTeam} orders, above its capacity of {street.Capacity}");
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
        Assert.Equal(street.ParkedAtSetUp, Broker.Parked(depths));
        if (!faultsMayResend)
            Assert.Equal(0, repeatedOnTheWire);
        return (ledger, tapped);
    }
}
