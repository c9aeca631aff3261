namespace Dispatch.ServiceDefaults.Http;

/// <summary>One page of a list, and how many items the whole list has.</summary>
public sealed record ItemsPage<T>(IReadOnlyList<T> Items, long Total);
