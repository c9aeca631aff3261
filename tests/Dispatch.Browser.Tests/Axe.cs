using System.Text.Json;
using Microsoft.Playwright;

namespace Dispatch.Browser.Tests;

/// <summary>
/// Runs axe-core (pinned in axe/package-lock.json) on the page and fails on serious or critical violations, and on any
/// violation of the page's Content-Security-Policy (an inline style or script the UI must not have).
/// </summary>
public static class Axe
{
    /// <summary>An init script that keeps every <c>securitypolicyviolation</c> of the page in <c>window.policyViolations</c>.</summary>
    public const string RecordPolicyViolations = """
        window.policyViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.policyViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    public static string Script => ScriptText.Value;

    private static readonly Lazy<string> ScriptText = new(() =>
    {
        var path = Path.Combine(Build.RepositoryRoot, "tests", "Dispatch.Browser.Tests", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new FileNotFoundException($"axe-core is missing: run `npm ci` in {Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))} (./test.sh does).", path);
    });

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var policyViolations = await page.EvaluateAsync<string[]>("() => window.policyViolations ?? []");
        Assert.True(policyViolations.Length == 0, $"the Content-Security-Policy blocked on {what}:\n  " + string.Join("\n  ", policyViolations));
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))");
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, JsonSerializerOptions.Web)!;
        var serious = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found serious or critical violations on {what}:\n" +
            string.Join("\n", serious.Select(v => $"  {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes)}")));
    }

    private sealed record Violation(string Id, string? Impact, string Help, List<string> Nodes);
}
