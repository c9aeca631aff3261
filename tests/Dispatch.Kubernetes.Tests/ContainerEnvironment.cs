using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dispatch.Kubernetes.Tests;

/// <summary>The environment a container of a Deployment gets in an overlay: envFrom first, then env (which wins), in order.</summary>
internal sealed partial class ContainerEnvironment
{
    private readonly List<EnvironmentVariable> _variables = [];

    public ContainerEnvironment(RenderedOverlay overlay, JsonObject container)
    {
        Problems = [];
        foreach (var from in container["envFrom"]?.AsArray() ?? [])
        {
            if (from?["configMapRef"]?["name"] is JsonNode configMapName)
            {
                var map = overlay.Find("ConfigMap", (string)configMapName!);
                if (map is null)
                {
                    Problems.Add($"envFrom names ConfigMap {configMapName}, which the overlay does not have");
                    continue;
                }
                foreach (var (key, value) in map["data"]?.AsObject() ?? [])
                    Set(new EnvironmentVariable(key, (string?)value, null, null, $"ConfigMap {configMapName}"));
            }
            else if (from?["secretRef"]?["name"] is JsonNode secretName)
            {
                foreach (var key in SecretKeys.Of(overlay, (string)secretName!) ?? [])
                    Set(new EnvironmentVariable(key, null, (string)secretName!, key, $"Secret {secretName}"));
            }
        }
        foreach (var env in container["env"]?.AsArray() ?? [])
        {
            var name = (string)env!["name"]!;
            if (env["valueFrom"]?["secretKeyRef"] is JsonObject secret)
                Set(new EnvironmentVariable(name, null, (string?)secret["name"], (string?)secret["key"], "env secretKeyRef"));
            else if (env["valueFrom"]?["configMapKeyRef"] is JsonObject configMapKey)
                Set(new EnvironmentVariable(name, (string?)overlay.Find("ConfigMap", (string)configMapKey["name"]!)?["data"]?[(string)configMapKey["key"]!], null, null, "env configMapKeyRef"));
            else if (env["valueFrom"] is not null)
                Set(new EnvironmentVariable(name, null, null, null, "env valueFrom"));
            else
                Set(new EnvironmentVariable(name, Expand((string?)env["value"] ?? "", name), null, null, "env value"));
        }
    }

    public IReadOnlyList<EnvironmentVariable> Variables => _variables;

    /// <summary>Things wrong with the environment itself: a missing ConfigMap, a $(NAME) not defined before use.</summary>
    public List<string> Problems { get; }

    public EnvironmentVariable? this[string name] => _variables.LastOrDefault(v => v.Name == name);

    /// <summary>Names used as $(NAME) in the value of another variable (Kubernetes substitutes them).</summary>
    public ISet<string> Interpolated { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Kubernetes replaces $(NAME) by a variable defined earlier in the list; a secret's value is
    /// unknown here, so it stays a recognisable placeholder.
    /// </summary>
    private string Expand(string value, string variable) => Reference().Replace(value, m =>
    {
        var name = m.Groups[1].Value;
        Interpolated.Add(name);
        var earlier = this[name];
        if (earlier is null)
        {
            Problems.Add($"{variable} uses $({name}), which is not defined before it");
            return m.Value;
        }
        return earlier.Value ?? $"secret-{name.ToLowerInvariant().Replace('_', '-')}";
    });

    private void Set(EnvironmentVariable variable)
    {
        _variables.RemoveAll(v => v.Name == variable.Name);
        _variables.Add(variable);
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
