using System.Text.Json.Nodes;

namespace Dispatch.Kubernetes.Tests;

/// <summary>
/// Decides, as Kubernetes does for ingress, whether a pod may open a TCP connection to another pod
/// of the overlay's namespace: a pod that no policy selects admits everything; one that some
/// policies select admits what any of their ingress rules admits.
/// </summary>
internal sealed class NetworkPolicies(RenderedOverlay overlay)
{
    private readonly List<JsonObject> _policies = overlay.OfKind("NetworkPolicy").ToList();

    public bool Admits(Pod from, Pod to, int port)
    {
        var isolating = _policies
            .Where(p => ((string?)p["metadata"]?["namespace"]) == to.Namespace && Selects(p["spec"]?["podSelector"], to.Labels))
            .Where(p => p["spec"]?["policyTypes"] is not JsonArray types || types.Any(t => (string?)t == "Ingress"))
            .ToList();
        if (isolating.Count == 0)
            return true;
        return isolating.Any(p => (p["spec"]?["ingress"]?.AsArray() ?? []).Any(rule => RuleAdmits(rule!, p, from, port)));
    }

    private static bool RuleAdmits(JsonNode rule, JsonNode policy, Pod from, int port)
    {
        var portOk = rule["ports"] is not JsonArray ports || ports.Count == 0
            || ports.Any(p => p?["port"] is null || (p["port"]!.GetValueKind() == System.Text.Json.JsonValueKind.Number && (int)p["port"]! == port));
        if (!portOk)
            return false;
        if (rule["from"] is not JsonArray peers || peers.Count == 0)
            return true;
        var policyNamespace = (string?)policy["metadata"]?["namespace"];
        return peers.Any(peer =>
        {
            var namespaceSelector = peer?["namespaceSelector"];
            var podSelector = peer?["podSelector"];
            var namespaceOk = namespaceSelector is null
                ? from.Namespace == policyNamespace
                : Selects(namespaceSelector, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = from.Namespace });
            var podOk = podSelector is null || Selects(podSelector, from.Labels);
            return (namespaceSelector is not null || podSelector is not null) && namespaceOk && podOk;
        });
    }

    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
            return false;
        foreach (var (key, value) in selector["matchLabels"]?.AsObject() ?? [])
        {
            if (!labels.TryGetValue(key, out var actual) || actual != (string?)value)
                return false;
        }
        foreach (var expression in selector["matchExpressions"]?.AsArray() ?? [])
        {
            var key = (string)expression!["key"]!;
            var values = expression["values"]?.AsArray().Select(v => (string?)v).ToList() ?? [];
            var has = labels.TryGetValue(key, out var actual);
            var ok = (string?)expression["operator"] switch
            {
                "In" => has && values.Contains(actual),
                "NotIn" => !has || !values.Contains(actual),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
                return false;
        }
        return true;
    }
}
