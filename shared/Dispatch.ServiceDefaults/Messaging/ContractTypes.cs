using System.Text.Json;
using Dispatch.Contracts;

namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>Names the message contracts in the outbox table, and finds them again for the relay.</summary>
public static class ContractTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(NeedPublished).Assembly
        .GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace == typeof(NeedPublished).Namespace)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type type) =>
        ByName.TryGetValue(type.Name, out var known) && known == type
            ? type.Name
            : throw new ArgumentException($"{type.FullName} is not a message contract of Dispatch.Contracts.", nameof(type));

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown message type '{name}' in the outbox.");
}
