namespace Dispatch.Kubernetes.Tests;

/// <summary>A pod as a network policy sees it: its namespace and labels.</summary>
internal sealed record Pod(string Namespace, IReadOnlyDictionary<string, string> Labels)
{
    public static Pod In(string ns, params (string Key, string Value)[] labels) =>
        new(ns, labels.ToDictionary(l => l.Key, l => l.Value));
}
