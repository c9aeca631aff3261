using System.Diagnostics;
using System.Net;
using System.Text;

namespace Dispatch.System.Benchmarks;

/// <summary>Latencies in milliseconds, gathered from many workers.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms = [];
    private double[]? _sorted;

    public int Count { get { lock (_ms) return _ms.Count; } }

    public void Add(double ms)
    {
        lock (_ms)
        {
            _ms.Add(ms);
            _sorted = null;
        }
    }

    /// <summary>The q-quantile (0.5 = median, 0.99 = p99), nearest rank.</summary>
    public double P(double q)
    {
        lock (_ms)
        {
            _sorted ??= [.. _ms.Order()];
            if (_sorted.Length == 0)
                return double.NaN;
            var rank = (int)Math.Ceiling(q * _sorted.Length) - 1;
            return _sorted[Math.Clamp(rank, 0, _sorted.Length - 1)];
        }
    }

    public static double Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}

/// <summary>What a load phase did: how many operations, in how long, how fast each answered, how many failed.</summary>
internal sealed record LoadResult(int Count, int Failures, TimeSpan Elapsed, Latencies Latencies)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;
    public double P50 => Latencies.P(0.50);
    public double P99 => Latencies.P(0.99);
}

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

/// <summary>One HTTP client for every figure, so that the limits and the system are measured the same way.</summary>
internal static class Http
{
    public static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, Uri url, string? token = null, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body);
    }
}
