using Dapper;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Correlation;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Dispatch.ServiceDefaults.Tests.Messaging;

/// <summary>Messages that arrive together are applied together (one transaction), and each still succeeds or fails alone.</summary>
public sealed class InboxGroupCommitTests(ProbeHost host, ITestOutputHelper output) : IClassFixture<ProbeHost>
{
    private const int Burst = 300;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private Task PublishAsync(Guid needId, string reason, string correlationId) =>
        host.Services.GetRequiredService<IBus>().Publish(new NeedCancelled(needId, reason, DateTimeOffset.UtcNow),
            context => context.Headers.Set(CorrelationId.HeaderName, correlationId));

    private async Task<long> ReceivedAsync(Guid[] needIds)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from received_messages where need_id = any(@needIds)", new { needIds });
    }

    [Fact]
    public async Task A_burst_is_applied_in_shared_transactions_once_each_and_every_message_keeps_its_own_correlation_id()
    {
        var needIds = Enumerable.Range(0, Burst).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(needIds.Select(id => PublishAsync(id, "burst", $"burst-{id}")));
        await Eventually.ReturnsAsync(() => ReceivedAsync(needIds), n => n >= Burst, TimeSpan.FromSeconds(60), "every message of the burst should be applied");

        await using var connection = await OpenAsync();
        var rows = (await connection.QueryAsync<(Guid NeedId, string? CorrelationId, string Transaction)>(
            "select need_id, correlation_id, xmin::text from received_messages where need_id = any(@needIds)", new { needIds })).ToList();
        var transactions = rows.Select(r => r.Transaction).Distinct().Count();
        output.WriteLine($"{rows.Count} messages applied in {transactions} transactions");
        Assert.Equal(Burst, rows.Count); // once each
        Assert.All(rows, r => Assert.Equal($"burst-{r.NeedId}", r.CorrelationId));
        // Grouped: fewer transactions than messages (each group's rows carry its transaction id in xmin).
        Assert.True(transactions < Burst / 2, $"{Burst} messages were applied in {transactions} transactions");
    }

    [Fact]
    public async Task A_poison_message_in_a_burst_fails_alone_once_per_delivery_and_the_rest_of_its_groups_are_applied()
    {
        var poison = Guid.NewGuid();
        var needIds = Enumerable.Range(0, Burst).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(needIds.Take(Burst / 2).Select(id => PublishAsync(id, "around the poison", $"c-{id}"))
            .Append(PublishAsync(poison, ProbeConsumer.PoisonReason, "poison"))
            .Concat(needIds.Skip(Burst / 2).Select(id => PublishAsync(id, "around the poison", $"c-{id}"))));

        await Eventually.ReturnsAsync(() => ReceivedAsync(needIds), n => n >= Burst, TimeSpan.FromSeconds(60), "every good message should be applied");
        // Parked in the error queue (readiness says so): no attempt at it is still to come.
        await Eventually.ReturnsAsync(async () => await host.Client.GetStringAsync("/health/ready"),
            body => body.Contains("_error", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the poison should be parked");

        Assert.Equal(Burst, await ReceivedAsync(needIds));
        Assert.Equal(0, await ReceivedAsync([poison]));
        // One attempt per delivery (1 + the retries), never a second one after its group failed.
        Assert.Equal(1 + ProbeConsumer.Retries, ProbeConsumer.PoisonAttempts.GetValueOrDefault(poison));
    }
}
