using System.Text.RegularExpressions;
using Dispatch.Testing.Processes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Testing;

/// <summary>
/// The one OpenAPI document of the public API (gateway/wwwroot/openapi.yaml, read by <see cref="PublicApiContract"/>) as
/// the operations it documents, so each service's tests can hold it to the endpoints the service really maps.
/// Operations are written "POST /api/needs/{}/publish": method, path, parameters unnamed.
/// </summary>
public static partial class PublicApiDocument
{
    private static readonly Lazy<IReadOnlySet<string>> Documented = new(Read);

    public static IReadOnlySet<string> Operations => Documented.Value;

    /// <summary>The documented paths of one method (<c>get</c>, …) as written, their parameters named: "/api/needs/{id}".</summary>
    public static IReadOnlyList<string> PathsOf(string method) =>
        PublicApiContract.Public.Operations.Where(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase)).Select(o => o.Path).ToList();

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

    private static HashSet<string> Read() =>
        PublicApiContract.Public.Operations.Select(operation => Operation(operation.Method, operation.Path)).ToHashSet();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
