using System.Diagnostics.Metrics;
using Dapper;
using Dispatch.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// The meter <c>Dispatch.Messaging</c> of every service: its outbox (events not yet relayed, the age of the oldest,
/// events relayed), its inbox and its error queues. The gauges read the database and the broker through
/// <see cref="Reading{T}"/>: at most once a <see cref="MetricsOptions.ReadingInterval"/>, only while scraped.
/// Each replica reports its service's shared figures; aggregate them with <c>max</c>, not <c>sum</c>.
/// </summary>
public sealed class MessagingMetrics
{
    public const string MeterName = TelemetrySetup.SourcePrefix + "Messaging";

    private sealed record OutboxBacklog(long Pending, double OldestAgeSeconds);

    private sealed record InboxSize(long Messages);

    private readonly Counter<long> _relayed;

    public MessagingMetrics(IMeterFactory meters, NpgsqlDataSource dataSource, ErrorQueueDepths errorQueues,
        IOptions<MetricsOptions> options, ILogger<MessagingMetrics> logger)
    {
        var meter = meters.Create(MeterName);
        var interval = options.Value.ReadingInterval;
        // The unsent rows are in a partial index, so this stays cheap however long the outbox's history is.
        var backlog = new Reading<OutboxBacklog>(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var (pending, oldestAge) = await connection.QuerySingleAsync<(long, double)>(new CommandDefinition("""
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::float8
                from outbox_messages where sent_at is null
                """, cancellationToken: ct));
            return new OutboxBacklog(pending, oldestAge);
        }, interval, logger);
        // PostgreSQL's own estimate of the live rows: the inbox keeps two weeks of message ids, too many to count.
        var inbox = new Reading<InboxSize>(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            return new InboxSize(await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "select coalesce(max(n_live_tup), 0) from pg_stat_user_tables where relname = 'inbox_messages'", cancellationToken: ct)));
        }, interval, logger);
        var parked = new Reading<IReadOnlyDictionary<string, uint>>(errorQueues.ReadAsync, interval, logger);

        meter.CreateObservableGauge("dispatch.outbox.pending", () => Measure(backlog.Last?.Pending),
            "{message}", "Events in the outbox not yet relayed to the broker.");
        meter.CreateObservableGauge("dispatch.outbox.pending.age", () => Measure(backlog.Last?.OldestAgeSeconds),
            "s", "Age of the oldest event not yet relayed (0 when none waits).");
        meter.CreateObservableGauge("dispatch.inbox.messages", () => Measure(inbox.Last?.Messages),
            "{message}", "Message ids in the inbox (PostgreSQL's estimate), kept for the retention period.");
        meter.CreateObservableGauge("dispatch.messaging.error_queue.messages",
            () => (parked.Last ?? new Dictionary<string, uint>()).Select(q =>
                new Measurement<long>(q.Value, new KeyValuePair<string, object?>("messaging.destination.name", q.Key))),
            "{message}", "Messages parked in each error queue after their retries.");
        _relayed = meter.CreateCounter<long>("dispatch.outbox.relayed", "{message}", "Events relayed from the outbox to the broker.");
    }

    public void Relayed(int count) => _relayed.Add(count);

    private static IEnumerable<Measurement<T>> Measure<T>(T? value) where T : struct =>
        value is { } known ? [new Measurement<T>(known)] : [];
}
