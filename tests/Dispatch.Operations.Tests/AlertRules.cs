
namespace Dispatch.Operations.Tests;

/// <summary>The alerts of k8s/components/monitoring/alerts.yaml as a Prometheus rule file.</summary>
internal static class AlertRules
{
    public static string File => Path.Combine(Build.RepositoryRoot, "k8s", "components", "monitoring", "alerts.yaml");

    public static string Dashboard => Path.Combine(Build.RepositoryRoot, "k8s", "components", "monitoring", "dashboard.json");

    /// <summary>
    /// A PrometheusRule's <c>spec</c> is a rule file (<c>groups: …</c>); the file keeps it last, indented two spaces,
    /// so the rule file is every line after <c>spec:</c>, two spaces less indented.
    /// </summary>
    public static string Read()
    {
        var lines = System.IO.File.ReadAllLines(File);
        var spec = Array.IndexOf(lines, "spec:");
        Assert.True(spec > 0, $"{File} has no top-level spec:");
        return string.Join("\n", lines[(spec + 1)..].Select(line => line.StartsWith("  ", StringComparison.Ordinal) ? line[2..] : line)) + "\n";
    }
}
