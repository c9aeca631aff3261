namespace Dispatch.Kubernetes.Tests;

/// <summary>
/// One environment variable of a container: its literal value (a ConfigMap's value counts as
/// literal), or the Secret and key it comes from.
/// </summary>
internal sealed record EnvironmentVariable(string Name, string? Value, string? SecretName, string? SecretKey, string Source)
{
    public bool FromSecret => SecretName is not null;
}
