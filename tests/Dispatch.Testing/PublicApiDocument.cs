using System.Text.RegularExpressions;
using Dispatch.Testing.Processes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Testing;

/// <summary>
/// The one OpenAPI document of the public API (gateway/wwwroot/openapi.yaml), read as the operations it
/// documents, so each service's tests can hold it to the endpoints the service really maps.
/// Operations are written "POST /api/needs/{}/publish": method, path, parameters unnamed.
/// </summary>
public static partial class PublicApiDocument
{
    private static readonly Lazy<IReadOnlySet<string>> Documented = new(Read);

    public static IReadOnlySet<string> Operations => Documented.Value;

    /// <summary>
    /// The public operations a running service maps under /api: its minimal-API endpoints, which all name
    /// their methods (the gateway's proxy routes do not, and are checked against the document apart).
    /// </summary>
    public static IReadOnlySet<string> MappedBy(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => Operation(method, endpoint.RoutePattern.RawText!)))
            .ToHashSet();

    /// <summary>The documented operations whose path starts with one of <paramref name="prefixes"/>.</summary>
    public static IReadOnlySet<string> Under(params string[] prefixes) =>
        Operations.Where(operation => prefixes.Any(prefix => operation.Split(' ')[1].StartsWith(prefix, StringComparison.Ordinal))).ToHashSet();

    private static string Operation(string method, string path) =>
        $"{method.ToUpperInvariant()} {Parameter().Replace(path, "{}").TrimEnd('/')}";

    private static HashSet<string> Read()
    {
        var operations = new HashSet<string>();
        string? path = null;
        foreach (var line in File.ReadLines(Path.Combine(Build.RepositoryRoot, "gateway", "wwwroot", "openapi.yaml")))
        {
            if (PathLine().Match(line) is { Success: true } pathMatch)
                path = pathMatch.Groups[1].Value;
            else if (line.Length > 0 && !line.StartsWith("  ", StringComparison.Ordinal))
                path = null; // a top-level key: the paths section ended
            else if (path is not null && MethodLine().Match(line) is { Success: true } methodMatch)
                operations.Add(Operation(methodMatch.Groups[1].Value, path));
        }
        return operations;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^  (/\S*):\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    (get|put|post|patch|delete):\s*$")]
    private static partial Regex MethodLine();
}
