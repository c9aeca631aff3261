namespace Dispatch.System.Benchmarks;

/// <summary>What a load phase did: how many operations, in how long, how fast each answered, how many failed.</summary>
internal sealed record LoadResult(int Count, int Failures, TimeSpan Elapsed, Latencies Latencies)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;
    public double P50 => Latencies.P(0.50);
    public double P99 => Latencies.P(0.99);
}
