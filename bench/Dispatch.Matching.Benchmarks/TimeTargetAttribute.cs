namespace Dispatch.Matching.Benchmarks;

/// <summary>The time a benchmarked operation should stay under; the summary prints its median as a ratio of it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TimeTargetAttribute(double milliseconds) : Attribute
{
    public TimeSpan Target { get; } = TimeSpan.FromMilliseconds(milliseconds);
}
