using System.Net;
using Dapper;
using Npgsql;

namespace Dispatch.Reliability.Tests;

public sealed partial class FaultTests
{
    /// <summary>
    /// SIGTERM while a claim request is in flight in matching and a claim event is being handled in
    /// needs (each held mid-way by a row lock the test owns): both finish — the request answers 200,
    /// the event's change and inbox row commit — before the processes exit with code 0.
    /// </summary>
    [Fact]
    public async Task SIGTERM_finishes_the_in_flight_request_and_message_before_the_process_exits()
    {
        await fixture.AllReadyAsync();
        using var street = await Street.SetUpAsync(fixture, "sigterm");
        var team = street.Teams[0].Client;
        var requested = await street.PublishNeedAsync("sigterm request");
        var consumed = await street.PublishNeedAsync("sigterm message");
        await OrderInMatchingAsync(requested);
        await OrderInMatchingAsync(consumed);
        var matchingDb = fixture.System.Database("matching");
        var needsDb = fixture.System.Database("needs");

        // Hold the need row in needs: the claim event's consumer will wait for it.
        await using var needsLock = new NpgsqlConnection(needsDb);
        await needsLock.OpenAsync();
        await using var needsTransaction = await needsLock.BeginTransactionAsync();
        await needsLock.ExecuteAsync("select 1 from needs where id = @consumed for update", new { consumed }, needsTransaction);
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/orders/{consumed}/claim")).Status);
        await WaitingOnALockAsync(needsDb);

        // Hold the order row in matching: the next claim request will wait for it.
        await using var matchingLock = new NpgsqlConnection(matchingDb);
        await matchingLock.OpenAsync();
        await using var matchingTransaction = await matchingLock.BeginTransactionAsync();
        await matchingLock.ExecuteAsync("select 1 from orders where need_id = @requested for update", new { requested }, matchingTransaction);
        var inFlight = team.PostAsync($"/api/orders/{requested}/claim");
        await WaitingOnALockAsync(matchingDb);

        var matching = fixture.System.Process("matching");
        var needs = fixture.System.Process("needs");
        await matching.TerminateAsync();
        await needs.TerminateAsync();
        foreach (var process in new[] { matching, needs })
        {
            await Eventually.TrueAsync(() => Task.FromResult(process.LogText().Contains("Application is shutting down", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(10), $"{process.Name} should have begun shutting down");
        }
        Assert.False(matching.HasExited);
        Assert.False(needs.HasExited);

        // Let both go on.
        await matchingTransaction.CommitAsync();
        await needsTransaction.CommitAsync();
        var answer = await inFlight;
        Assert.True(await matching.WaitForExitAsync(TimeSpan.FromSeconds(30)), "matching should exit");
        Assert.True(await needs.WaitForExitAsync(TimeSpan.FromSeconds(30)), "needs should exit");

        await using var needsReader = new NpgsqlConnection(needsDb);
        var mirrored = await needsReader.QuerySingleAsync<string>("select status from needs where id = @consumed", new { consumed });
        var handled = await needsReader.ExecuteScalarAsync<int>("select count(*) from inbox_messages where consumer = 'OrderClaimedConsumer'");
        output.WriteLine($"in-flight request: {answer.Status}; in-flight message: need {mirrored}, {handled} claim(s) in the inbox; " +
                         $"exit codes: matching {matching.ExitCode}, needs {needs.ExitCode}; faults injected: 2 (SIGTERM)");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("claimed", mirrored);
        Assert.Equal(0, matching.ExitCode);
        Assert.Equal(0, needs.ExitCode);

        // After a restart the request's own event (committed with it) reaches needs too: nothing was lost.
        await fixture.AllReadyAsync();
        var ledger = await Ledger.SettledAsync(fixture.System, [requested, consumed], street.TeamIds);
        output.WriteLine($"needs lost: {ledger.NeedsLost}, duplicates applied: {ledger.DuplicatesApplied}; {ledger}");
        Assert.True(ledger.Settled, ledger.ToString());
        Assert.Equal(0, ledger.DuplicatesApplied);
    }

    private static Task WaitingOnALockAsync(string database) =>
        Eventually.TrueAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(database);
            return await connection.ExecuteScalarAsync<int>(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") > 0;
        }, TimeSpan.FromSeconds(20), "a service should be waiting for the test's row lock");
}
