using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

/// <summary>
/// Renders the overlays of k8s/overlays once per test run: a copy of k8s/ in a temporary folder (so
/// that a secrets file an overlay reads, git-ignored, is made from its committed *.example), then
/// `kubectl kustomize`, then the schema check.
/// </summary>
internal static class Overlays
{
    public static readonly string[] Names = ["local", "production"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Rendered = new();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
            data.Add(name);
        return data;
    }

    public static Task<RenderedOverlay> RenderAsync(string name) =>
        Rendered.GetOrAdd(name, n => new Lazy<Task<RenderedOverlay>>(() => RenderNowAsync(n))).Value;

    private static async Task<RenderedOverlay> RenderNowAsync(string name)
    {
        var work = Directory.CreateTempSubdirectory("dispatch-k8s-").FullName;
        try
        {
            var k8s = System.IO.Path.Combine(work, "k8s");
            Copy(Repository.Path("k8s"), k8s);
            foreach (var example in Directory.EnumerateFiles(k8s, "*.example", SearchOption.AllDirectories))
            {
                // Always the example's values: a developer's real secrets file is never read by the test.
                File.Copy(example, example[..^".example".Length], overwrite: true);
            }

            var yaml = await Tool.RunAsync("kubectl", ["kustomize", System.IO.Path.Combine(k8s, "overlays", name)], work, TimeSpan.FromMinutes(2));
            var file = System.IO.Path.Combine(work, $"{name}.yaml");
            await File.WriteAllTextAsync(file, yaml);
            var report = JsonNode.Parse(await SchemaChecker.ValidateAsync(file))!;
            var objects = report["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
            var problems = report["problems"]!.AsArray().Select(p => (string)p!).ToList();
            return new RenderedOverlay(name, objects, problems);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from))
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
    }
}
