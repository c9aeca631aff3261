using System.Diagnostics;

namespace Dispatch.System.Benchmarks;

internal static class Load
{
    /// <summary>
    /// Closed loop: <paramref name="workers"/> workers each send the next operation as soon as the
    /// previous one answered, until <paramref name="total"/> operations (or <paramref name="duration"/>) are done.
    /// The operation returns false for an answer it did not expect (counted as a failure, its time still recorded).
    /// </summary>
    public static async Task<LoadResult> ClosedLoopAsync(int workers, Func<int, Task<bool>> operation, int total = int.MaxValue, TimeSpan? duration = null)
    {
        var latencies = new Latencies();
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var until = duration ?? TimeSpan.MaxValue;
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < until)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= total)
                    return;
                var started = Stopwatch.GetTimestamp();
                var ok = await operation(i);
                latencies.Add(Latencies.Since(started));
                if (!ok)
                    Interlocked.Increment(ref failures);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        clock.Stop();
        return new LoadResult(latencies.Count, failures, clock.Elapsed, latencies);
    }
}
