using System.Diagnostics;

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
