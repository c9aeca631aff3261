namespace Dispatch.Gateway.Apis;

public sealed record ItemsPage<T>(IReadOnlyList<T> Items, int Total);
