using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Dispatch.Matching.Benchmarks;

/// <summary>A summary column from a benchmark's <see cref="TimeTargetAttribute"/>: the target itself, or the median's ratio to it.</summary>
internal sealed class TimeTargetColumn : IColumn
{
    public static readonly IColumn Target = new TimeTargetColumn("Target", ratio: false);
    public static readonly IColumn Ratio = new TimeTargetColumn("Median/Target", ratio: true);

    private readonly bool _ratio;

    private TimeTargetColumn(string name, bool ratio) => (ColumnName, _ratio) = (name, ratio);

    public string Id => nameof(TimeTargetColumn) + "." + ColumnName;
    public string ColumnName { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => _ratio ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => _ratio ? UnitType.Dimensionless : UnitType.Time;
    public string Legend => _ratio ? "Median divided by the target: under 1 is within it" : "The time the operation should stay under";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var target = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<TimeTargetAttribute>()?.Target;
        if (target is null)
            return "-";
        if (!_ratio)
            return Format(target.Value.TotalMilliseconds);
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return median is null ? "-" : (median.Value / 1e6 / target.Value.TotalMilliseconds).ToString("0.000", style.CultureInfo);
    }

    private static string Format(double ms) => ms >= 1000 ? $"{ms / 1000:0.000} s" : $"{ms:0.000} ms";
}
