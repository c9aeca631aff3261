using System.Diagnostics;
using Dapper;
using Dispatch.Contracts;
using Dispatch.Testing;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Dispatch.ServiceDefaults.Tests.Messaging;

/// <summary>Messages that arrive together are applied together (one transaction), and each still succeeds or fails alone.</summary>
public sealed class InboxGroupCommitTests(ProbeHost host, ITestOutputHelper output) : IClassFixture<ProbeHost>
{
    private const int Burst = 300;

    /// <summary>Deliveries in flight per endpoint (MessagingOptions.PrefetchCount, unchanged by the probe host).</summary>
    private const int Prefetch = 32;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Publishes as a traced sender would: the message travels in the trace <see cref="TraceOf"/> the need.</summary>
    private Task PublishAsync(Guid needId, string reason) =>
        host.Services.GetRequiredService<IBus>().Publish(new NeedCancelled(needId, reason, DateTimeOffset.UtcNow),
            context => context.Headers.Set(DiagnosticHeaders.ActivityId, $"00-{TraceOf(needId)}-{ActivitySpanId.CreateRandom().ToHexString()}-00"));

    private static string TraceOf(Guid needId) => needId.ToString("N");

    private async Task<long> ReceivedAsync(Guid[] needIds)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from received_messages where need_id = any(@needIds)", new { needIds });
    }

    [Fact]
    public async Task A_burst_is_applied_in_shared_transactions_once_each_and_every_message_keeps_its_own_trace()
    {
        var needIds = Enumerable.Range(0, Burst).Select(_ => Guid.NewGuid()).ToArray();
        using var deliveries = Deliveries.Watch(host.Services.GetRequiredService<IBus>());

        // Hold the first group's commit (its insert waits for the test's table lock) until a whole prefetch of
        // deliveries is waiting behind it: those are applied together when it goes, whatever the arrival timing.
        await using (var holder = await OpenAsync())
        {
            await using var hold = await holder.BeginTransactionAsync();
            await holder.ExecuteAsync("lock table received_messages in exclusive mode", transaction: hold);
            await Task.WhenAll(needIds.Select(id => PublishAsync(id, "burst")));
            await deliveries.StartedAsync(Prefetch, TimeSpan.FromSeconds(60));
            await hold.CommitAsync();
        }
        await Eventually.ReturnsAsync(() => ReceivedAsync(needIds), n => n >= Burst, TimeSpan.FromSeconds(60), "every message of the burst should be applied");

        await using var connection = await OpenAsync();
        var rows = (await connection.QueryAsync<(Guid NeedId, string? TraceId, string Transaction)>(
            "select need_id, trace_id, xmin::text from received_messages where need_id = any(@needIds)", new { needIds })).ToList();
        var groups = rows.GroupBy(r => r.Transaction).Select(g => g.Count()).ToList();
        output.WriteLine($"{rows.Count} messages applied in {groups.Count} transactions, the largest of {groups.Max()}");
        Assert.Equal(Burst, rows.Count); // once each
        Assert.All(rows, r => Assert.Equal(TraceOf(r.NeedId), r.TraceId));
        // Grouped (each group's rows carry its transaction id in xmin): the prefetch that waited behind the held
        // group, less the few that may have joined that first group, went in one transaction.
        Assert.True(groups.Max() >= Prefetch / 2, $"the largest of {groups.Count} transactions applied {groups.Max()} messages");
    }

    [Fact]
    public async Task A_poison_message_in_a_burst_fails_alone_once_per_delivery_and_the_rest_of_its_groups_are_applied()
    {
        var poison = Guid.NewGuid();
        var needIds = Enumerable.Range(0, Burst).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(needIds.Take(Burst / 2).Select(id => PublishAsync(id, "around the poison"))
            .Append(PublishAsync(poison, ProbeConsumer.PoisonReason))
            .Concat(needIds.Skip(Burst / 2).Select(id => PublishAsync(id, "around the poison"))));

        await Eventually.ReturnsAsync(() => ReceivedAsync(needIds), n => n >= Burst, TimeSpan.FromSeconds(60), "every good message should be applied");
        // Parked in the error queue (readiness says so): no attempt at it is still to come.
        await Eventually.ReturnsAsync(async () => await host.Admin.GetStringAsync("/health/ready"),
            body => body.Contains("_error", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the poison should be parked");

        Assert.Equal(Burst, await ReceivedAsync(needIds));
        Assert.Equal(0, await ReceivedAsync([poison]));
        // One attempt per delivery (1 + the retries), never a second one after its group failed.
        Assert.Equal(1 + ProbeConsumer.Retries, ProbeConsumer.PoisonAttempts.GetValueOrDefault(poison));
    }
}
