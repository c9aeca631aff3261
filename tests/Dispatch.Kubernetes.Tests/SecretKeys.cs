using System.Text.Json.Nodes;

namespace Dispatch.Kubernetes.Tests;

/// <summary>
/// The keys of a Secret that will exist in the namespace: one of the overlay, or one that an
/// operator of the overlay makes for a cluster it runs (named and filled as its documentation says).
/// </summary>
internal static class SecretKeys
{
    public static IReadOnlyCollection<string>? Of(RenderedOverlay overlay, string name)
    {
        if (overlay.Find("Secret", name) is { } secret)
            return [.. (secret["data"]?.AsObject() ?? []).Select(p => p.Key), .. (secret["stringData"]?.AsObject() ?? []).Select(p => p.Key)];

        // RabbitMQ Cluster Operator: <cluster>-default-user for the default user of each RabbitmqCluster.
        foreach (var rabbit in overlay.OfKind("RabbitmqCluster"))
        {
            if (name == $"{RenderedOverlay.NameOf(rabbit)}-default-user")
                return ["username", "password", "host", "port", "provider", "type", "default_user.conf"];
        }

        // CloudNativePG: <cluster>-app for the owner of the initdb database, unless the Cluster names its own secret.
        foreach (var postgres in overlay.OfKind("Cluster"))
        {
            if (postgres["spec"]?["bootstrap"]?["initdb"] is JsonObject initdb && initdb["secret"] is null
                && name == $"{RenderedOverlay.NameOf(postgres)}-app")
                return ["username", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass", "user"];
        }
        return null;
    }
}
