using System.Text.Json;


namespace Dispatch.Operations.Tests;

/// <summary>The alerts of k8s/components/monitoring/alerts.yaml as a Prometheus rule file.</summary>
internal static class AlertRules
{
    public static string File => Path.Combine(Build.RepositoryRoot, "k8s", "components", "monitoring", "alerts.yaml");

    public static string Dashboard => Path.Combine(Build.RepositoryRoot, "k8s", "components", "monitoring", "dashboard.json");

    /// <summary>Every PromQL expression of the alerts and of the dashboard's panels.</summary>
    public static IEnumerable<string> Expressions()
    {
        var lines = System.IO.File.ReadAllLines(File);
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf("expr:", StringComparison.Ordinal);
            if (at < 0)
                continue;
            var inline = lines[i][(at + "expr:".Length)..].Trim();
            if (inline != "|")
            {
                yield return inline;
                continue;
            }
            var block = new List<string>();
            while (i + 1 < lines.Length && (lines[i + 1].Length == 0 || Indent(lines[i + 1]) > at))
                block.Add(lines[++i].Trim());
            yield return string.Join(" ", block);
        }
        using var dashboard = JsonDocument.Parse(System.IO.File.ReadAllText(Dashboard));
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (panel.TryGetProperty("targets", out var targets))
            {
                foreach (var target in targets.EnumerateArray())
                    yield return target.GetProperty("expr").GetString()!;
            }
        }
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

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
