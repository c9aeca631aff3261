using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Dispatch.ServiceDefaults.Telemetry;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ in sequence order and marks them sent. Rows are
/// taken with <c>for update skip locked</c>, so several replicas relay each row once; a crash
/// between publish and mark re-publishes with the same message id, which the consumers' inbox absorbs.
/// Each event is sent in the trace of the work that wrote its row (the row's <c>trace_parent</c>).
/// </summary>
internal sealed class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    MessagingMetrics metrics,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private sealed record OutboxRow(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent);

    private static readonly ActivitySource Source = new(TelemetrySetup.SourcePrefix + "Outbox");

    private DateTime _nextCleanup = DateTime.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await RelayBatchAsync(stoppingToken);
                failures = 0;
                await CleanUpIfDueAsync(stoppingToken);
                if (relayed < options.Value.BatchSize)
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                logger.LogWarning(ex, "Outbox relay failed (attempt {Attempt}); the events stay in the outbox and will be retried", failures);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * failures, 5000)), stoppingToken);
            }
        }
    }

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition("""
            select sequence, message_id, message_type, body::text as body, trace_parent
            from outbox_messages
            where sent_at is null
            order by sequence
            limit @BatchSize
            for update skip locked
            """, new { options.Value.BatchSize }, transaction, cancellationToken: cancellationToken))).AsList();
        if (rows.Count == 0)
            return 0;

        // Sent in sequence order, confirmed together: waiting for each broker confirm before sending the
        // next capped the relay at one round trip per event. The rows are marked sent only when every
        // publish of the batch is confirmed; if one fails the whole batch stays and goes again (the inbox
        // absorbs the repeats). Consumers never relied on arrival order (they handle several messages at
        // once): order events carry versions and cancellations leave tombstones.
        var publishes = new List<Task>(rows.Count);
        foreach (var row in rows)
            publishes.Add(PublishAsync(row, cancellationToken));
        await Task.WhenAll(publishes);

        await connection.ExecuteAsync(new CommandDefinition(
            "update outbox_messages set sent_at = now() where sequence = any(@Sequences)",
            new { Sequences = rows.Select(r => r.Sequence).ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        metrics.Relayed(rows.Count);
        logger.LogDebug("Relayed {Count} events", rows.Count);
        return rows.Count;
    }

    /// <summary>Publishes one row in its own trace: a span "outbox publish" whose parent is the row's stored context.</summary>
    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        // A row without a valid context (written before trace_parent existed) is sent in a trace of its own.
        var stored = ActivityContext.TryParse(row.TraceParent, null, isRemote: true, out var parent) ? row.TraceParent : null;
        using var activity = Source.StartActivity($"outbox publish {row.MessageType}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        var type = ContractTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, ContractTypes.JsonOptions)!;
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            // The outbox row's id is the message id: a re-published row is recognised by the inbox.
            context.MessageId = row.MessageId;
            // MassTransit writes its send span here when it records one; when spans are not recorded (no exporter)
            // it writes nothing, so the trace is passed on from the row as it is.
            if ((TraceContext.CurrentTraceParent ?? stored) is { } traceParent)
                context.Headers.Set(DiagnosticHeaders.ActivityId, traceParent);
        }), cancellationToken);
    }

    private async Task CleanUpIfDueAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow < _nextCleanup)
            return;
        _nextCleanup = DateTime.UtcNow.AddMinutes(10);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cutoff = DateTime.UtcNow - options.Value.Retention;
        await connection.ExecuteAsync(new CommandDefinition("""
            delete from outbox_messages where sent_at < @cutoff;
            delete from inbox_messages where handled_at < @cutoff;
            """, new { cutoff }, cancellationToken: cancellationToken));
    }
}
