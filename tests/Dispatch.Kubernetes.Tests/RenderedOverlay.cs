using System.Text.Json.Nodes;

namespace Dispatch.Kubernetes.Tests;

/// <summary>The objects of one overlay as `kubectl kustomize` renders them, and what the schema check said of them.</summary>
internal sealed class RenderedOverlay(string name, IReadOnlyList<JsonObject> objects, IReadOnlyList<string> problems)
{
    public string Name => name;

    public IReadOnlyList<JsonObject> Objects => objects;

    public IReadOnlyList<string> SchemaProblems => problems;

    public IEnumerable<JsonObject> OfKind(string kind) => objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject? Find(string kind, string objectName) =>
        OfKind(kind).FirstOrDefault(o => (string?)o["metadata"]?["name"] == objectName);

    public IEnumerable<JsonObject> Deployments => OfKind("Deployment");

    public static string NameOf(JsonNode o) => (string?)o["metadata"]?["name"] ?? "?";

    public static Dictionary<string, string> Labels(JsonNode? labels) =>
        labels is JsonObject map ? map.ToDictionary(p => p.Key, p => (string?)p.Value ?? "") : [];

    /// <summary>The labels of the pods of a Deployment.</summary>
    public static Dictionary<string, string> PodLabels(JsonObject deployment) =>
        Labels(deployment["spec"]?["template"]?["metadata"]?["labels"]);

    public static JsonObject PodSpec(JsonObject deployment) =>
        deployment["spec"]?["template"]?["spec"]?.AsObject() ?? throw new InvalidOperationException($"Deployment {NameOf(deployment)} has no pod spec.");

    public static IEnumerable<JsonObject> Containers(JsonObject deployment) =>
        PodSpec(deployment)["containers"]?.AsArray().Select(c => c!.AsObject()) ?? [];

    public override string ToString() => name;
}
