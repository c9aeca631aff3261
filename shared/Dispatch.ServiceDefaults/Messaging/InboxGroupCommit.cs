using Dispatch.ServiceDefaults.Data;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>
/// Group commit for the service's consumers. The messages being handled at the same moment (every
/// endpoint has its prefetch in flight) are applied in one transaction: one inbox insert and one commit
/// for the group instead of a begin, an insert and a commit each — PostgreSQL's cost at load is per
/// statement and per commit, not per round trip. Each message still succeeds or fails on its own:
/// <list type="bullet">
/// <item>a message whose handler throws is failed with its own exception (and goes through its endpoint's
/// retries and error queue alone, one attempt per delivery), and the rest of its group is applied again
/// without it;</item>
/// <item>a failure that is nobody's fault (a transient error, a deadlock, a failed commit) rolls the group
/// back and applies every message again in its own transaction, as if there were no grouping.</item>
/// </list>
/// One group runs at a time; the next one gathers while it runs, so groups grow with the load and a
/// lone message is applied at once (handlers are therefore short database work, never a call elsewhere). Within a group, messages are applied in the order of their row
/// keys, so that groups of two replicas lock shared rows in one order instead of deadlocking.
/// </summary>
internal sealed class InboxGroupCommit(Database database)
{
    /// <summary>Enough to amortise a commit; small enough that a group's row locks are held for a few milliseconds.</summary>
    private const int MaxGroupSize = 64;

    private sealed class Delivery(Guid messageId, string consumer, Guid? rowKey, Func<UnitOfWork, CancellationToken, Task> handle)
    {
        // The consumer's own context (correlation id, log scopes), for its handler and the events it publishes.
        private readonly ExecutionContext? _context = ExecutionContext.Capture();

        public Guid MessageId => messageId;
        public string Consumer => consumer;
        public Guid? RowKey => rowKey;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(UnitOfWork unit, CancellationToken cancellationToken)
        {
            if (_context is null)
                return handle(unit, cancellationToken);
            Task? handled = null;
            ExecutionContext.Run(_context, _ => handled = handle(unit, cancellationToken), null);
            return handled!;
        }
    }

    private readonly Lock _gate = new();
    private readonly List<Delivery> _waiting = [];
    private bool _draining;

    /// <summary>
    /// Applies <paramref name="handle"/> once per (message, consumer): not at all if the inbox already has it,
    /// otherwise in a transaction with the inbox row. Returns when that transaction has committed.
    /// </summary>
    public async Task HandleOnceAsync(Guid messageId, string consumer, Guid? rowKey,
        Func<UnitOfWork, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(messageId, consumer, rowKey, handle);
        bool startDraining;
        lock (_gate)
        {
            _waiting.Add(delivery);
            startDraining = !_draining;
            _draining = true;
        }
        if (startDraining)
        {
            // The drain serves every consumer, so it must not run in (and leak) this one's context.
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        // A stopping consumer stops waiting; if its group commits anyway, the redelivery finds the inbox row.
        await delivery.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<Delivery> group;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _draining = false;
                    return;
                }
                var size = Math.Min(_waiting.Count, MaxGroupSize);
                group = _waiting.GetRange(0, size);
                _waiting.RemoveRange(0, size);
            }
            try
            {
                await ApplyAsync(group);
            }
            catch (Exception ex)
            {
                // ApplyAsync settles every delivery itself; this only keeps a bug from leaving consumers waiting forever.
                foreach (var delivery in group)
                    delivery.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Settles every delivery of the group; never throws.</summary>
    private async Task ApplyAsync(List<Delivery> group)
    {
        if (group.Count == 0)
            return;
        if (group.Count == 1)
        {
            await ApplyAloneAsync(group[0]);
            return;
        }
        Delivery? handling = null;
        try
        {
            // Work outlives any one consumer's cancellation: the group commits or rolls back as a whole.
            var cancellationToken = CancellationToken.None;
            await using var unit = await database.BeginAsync(cancellationToken);
            var firstTime = (await unit.QueryAsync<(Guid MessageId, string Consumer)>("""
                insert into inbox_messages (message_id, consumer)
                select * from unnest(@MessageIds, @Consumers)
                on conflict do nothing
                returning message_id, consumer
                """, new
            {
                MessageIds = group.Select(d => d.MessageId).ToArray(),
                Consumers = group.Select(d => d.Consumer).ToArray(),
            }, cancellationToken)).ToHashSet();

            foreach (var delivery in group.OrderBy(d => d.RowKey))
            {
                // Handled before (a redelivery), or the same message twice in this group: only the first applies.
                if (!firstTime.Remove((delivery.MessageId, delivery.Consumer)))
                    continue;
                handling = delivery;
                await delivery.HandleAsync(unit, cancellationToken);
            }
            handling = null;
            await unit.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (handling is not null && !TransientFailures.IsTransient(ex))
        {
            // That message's own failure (it would fail alone just the same): it alone is failed, once.
            handling.Done.TrySetException(ex);
            group.Remove(handling);
            await ApplyAsync(group);
            return;
        }
        catch (Exception)
        {
            await Task.WhenAll(group.Select(ApplyAloneAsync));
            return;
        }
        foreach (var delivery in group)
            delivery.Done.TrySetResult();
    }

    private async Task ApplyAloneAsync(Delivery delivery)
    {
        try
        {
            var cancellationToken = CancellationToken.None;
            await using var unit = await database.BeginAsync(cancellationToken);
            var firstTime = await unit.ExecuteAsync(
                "insert into inbox_messages (message_id, consumer) values (@MessageId, @Consumer) on conflict do nothing",
                new { delivery.MessageId, delivery.Consumer }, cancellationToken);
            if (firstTime == 1)
            {
                await delivery.HandleAsync(unit, cancellationToken);
                await unit.CommitAsync(cancellationToken);
            }
            delivery.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            delivery.Done.TrySetException(ex);
        }
    }
}
