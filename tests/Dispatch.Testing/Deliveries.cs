using System.Collections.Concurrent;
using MassTransit;

namespace Dispatch.Testing;

/// <summary>
/// Counts, by message id, the deliveries an in-process service's bus has finished consuming (acknowledged): the
/// barrier for "the duplicate was handled too". A later marker message is no such barrier: it travels on another
/// endpoint or behind a prefetch of 32 and group commit, and can be applied before the duplicate.
/// </summary>
public sealed class Deliveries : IConsumeObserver, IDisposable
{
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();
    private int _started;
    private ConnectHandle? _handle;

    /// <summary>Starts counting the deliveries of <paramref name="bus"/>; connect it before publishing.</summary>
    public static Deliveries Watch(IBus bus)
    {
        var deliveries = new Deliveries();
        deliveries._handle = bus.ConnectConsumeObserver(deliveries);
        return deliveries;
    }

    /// <summary>Waits until <paramref name="times"/> deliveries of <paramref name="messageId"/> were consumed, returning how many there were.</summary>
    public Task<int> ConsumedAsync(Guid messageId, int times, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => Task.FromResult(_consumed.GetValueOrDefault(messageId)), n => n >= times, timeout,
            $"{times} deliveries of message {messageId} should be consumed");

    /// <summary>Waits until at least <paramref name="count"/> deliveries have been handed to a consumer (finished or not).</summary>
    public Task StartedAsync(int count, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref _started) >= count), timeout, $"{count} deliveries should have reached a consumer");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class
    {
        Interlocked.Increment(ref _started);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
            _consumed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    public void Dispose() => _handle?.Disconnect();
}
