namespace Dispatch.Gateway.Resilience;

/// <summary>
/// <c>CircuitBreaker__…</c>: when at least <see cref="FailureRatio"/> of at least <see cref="MinimumThroughput"/>
/// forwarded requests to one destination within <see cref="SamplingDuration"/> fail (no connection, or a 5xx),
/// the gateway stops calling it for <see cref="BreakDuration"/> and answers 503 at once. A destination that has
/// not answered (its response headers) within <see cref="AttemptTimeout"/> counts as failing, and the caller gets a 504.
/// </summary>
internal sealed class CircuitBreakerOptions
{
    public const string SectionName = "CircuitBreaker";

    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 5;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
