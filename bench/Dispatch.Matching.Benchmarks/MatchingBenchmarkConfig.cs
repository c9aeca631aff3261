using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Dispatch.Matching.Benchmarks;

/// <summary>Median and p90 beside each target, in milliseconds; a few iterations, since a plan takes a third of a second.</summary>
internal sealed class MatchingBenchmarkConfig : ManualConfig
{
    public MatchingBenchmarkConfig()
    {
        // In process: a generated project would sit under this tree and inherit its warnings-as-errors analyzers.
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.P90, TimeTargetColumn.Target, TimeTargetColumn.Ratio);
        AddLogger(ConsoleLogger.Default);
        AddExporter(MarkdownExporter.Console);
        WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond));
        // Under the benchmark's private data, as ./bench.sh runs it from the repository root.
        ArtifactsPath = Path.Combine(".data", "bench", "matching");
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
