using System.Text.Json;
using Microsoft.Playwright;

namespace Dispatch.Browser.Tests;

/// <summary>Runs axe-core (pinned in axe/package-lock.json) on the page and fails on serious or critical violations.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(Build.RepositoryRoot, "tests", "Dispatch.Browser.Tests", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path)
            : throw new FileNotFoundException($"axe-core is missing: run `npm ci` in {Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))} (./test.sh does).", path);
    });

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))");
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, JsonSerializerOptions.Web)!;
        var serious = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found serious or critical violations on {what}:\n" +
            string.Join("\n", serious.Select(v => $"  {v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes)}")));
    }

    private sealed record Violation(string Id, string? Impact, string Help, List<string> Nodes);
}
