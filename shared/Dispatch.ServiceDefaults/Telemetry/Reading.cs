using Microsoft.Extensions.Logging;

namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>
/// A figure that costs a query to read — a count in the database, a queue's depth at the broker — for observable
/// gauges. A collection (a scrape) gets the last reading at once and, when that is older than the interval, starts
/// the next one in the background: a scrape never waits on the database, and however often it is scraped and
/// however many gauges share the reading, the source is read at most once an interval, and not at all while
/// nobody collects. A failed reading reports nothing (a gap), not a stale figure.
/// </summary>
public sealed class Reading<T>(Func<CancellationToken, Task<T>> read, TimeSpan interval, ILogger logger) where T : class
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private T? _value;
    private long _dueAt;
    private int _reading;

    /// <summary>The last reading (null before the first and after a failure); starts the next one when due.</summary>
    public T? Last
    {
        get
        {
            if (Environment.TickCount64 >= Volatile.Read(ref _dueAt) && Interlocked.Exchange(ref _reading, 1) == 0)
            {
                // Not in the collecting request's context (its trace, its cancellation).
                using (ExecutionContext.SuppressFlow())
                    _ = Task.Run(RefreshAsync);
            }
            return Volatile.Read(ref _value);
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            Volatile.Write(ref _value, await read(timeout.Token));
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _value, null);
            logger.LogDebug(ex, "A metric reading failed; its gauges report nothing until the next one succeeds");
        }
        finally
        {
            Volatile.Write(ref _dueAt, Environment.TickCount64 + (long)interval.TotalMilliseconds);
            Volatile.Write(ref _reading, 0);
        }
    }
}
