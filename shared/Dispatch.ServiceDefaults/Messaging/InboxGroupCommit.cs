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
        // The consumer's own context (its trace, log scopes), for its handler and the events it publishes.
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
        try
        {
            var failed = await ApplyInOneTransactionAsync(group);
            if (failed is null)
            {
                foreach (var delivery in group)
                    delivery.Done.TrySetResult();
                return;
            }
            var (failing, failure) = failed.Value;
            if (group.Count == 1 || !TransientFailures.IsTransient(failure))
            {
                // That message's own failure (it would fail alone just the same): it alone is failed, once.
                failing.Done.TrySetException(failure);
                group.Remove(failing);
                await ApplyAsync(group);
                return;
            }
        }
        catch (Exception ex) when (group.Count == 1)
        {
            group[0].Done.TrySetException(ex);
            return;
        }
        catch (Exception)
        {
            // Nobody's fault (the inbox insert, the commit, the connection): fall through to one transaction each.
        }
        await Task.WhenAll(group.Select(delivery => ApplyAsync([delivery])));
    }

    /// <summary>
    /// Applies the deliveries not yet in the inbox, in row-key order, and commits; or, when a handler throws, rolls
    /// everything back and returns that delivery with what it threw. Other failures are thrown.
    /// </summary>
    private async Task<(Delivery Delivery, Exception Failure)?> ApplyInOneTransactionAsync(List<Delivery> deliveries)
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
            MessageIds = deliveries.Select(d => d.MessageId).ToArray(),
            Consumers = deliveries.Select(d => d.Consumer).ToArray(),
        }, cancellationToken)).ToHashSet();

        foreach (var delivery in deliveries.OrderBy(d => d.RowKey))
        {
            // Handled before (a redelivery), or the same message twice in this group: only the first applies.
            if (!firstTime.Remove((delivery.MessageId, delivery.Consumer)))
                continue;
            try
            {
                await delivery.HandleAsync(unit, cancellationToken);
            }
            catch (Exception ex)
            {
                return (delivery, ex); // disposing the unit rolls the whole group back
            }
        }
        await unit.CommitAsync(cancellationToken);
        return null;
    }
}
