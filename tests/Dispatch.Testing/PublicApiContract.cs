using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Dispatch.Testing.Processes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace Dispatch.Testing;

/// <summary>
/// The public API's OpenAPI document (gateway/wwwroot/openapi.yaml) as the contract of its answers: <see cref="Check"/>
/// lists what the document does not describe in one answer — its path and method, its status, its media type, its JSON
/// body against the schema. Microsoft.OpenApi reads the document; JsonSchema.Net holds bodies to its schemas (an OpenAPI
/// 3.1 schema is JSON Schema 2020-12), formats included.
/// </summary>
public sealed class PublicApiContract
{
    private static readonly Uri DocumentUri = new("https://public-api.invalid/openapi.json");
    private static readonly Lazy<PublicApiContract> Repository = new(() => Load(Path.Combine(Build.RepositoryRoot, "gateway", "wwwroot", "openapi.yaml")));
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly OpenApiDocument _document;
    private readonly BuildOptions _schemas;
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new();

    private PublicApiContract(OpenApiDocument document, string json)
    {
        _document = document;
        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(JsonDocument.Parse(json).RootElement, DocumentUri));
        _schemas = new BuildOptions { SchemaRegistry = registry };
    }

    /// <summary>The repository's document, the one the gateway serves.</summary>
    public static PublicApiContract Public => Repository.Value;

    public static PublicApiContract Load(string file)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = File.OpenRead(file);
        var (document, diagnostic) = OpenApiDocument.LoadAsync(stream, "yaml", settings).GetAwaiter().GetResult();
        if (document is null || diagnostic?.Errors.Count > 0)
            throw new InvalidOperationException($"{file} is not an OpenAPI document: {string.Join("; ", diagnostic?.Errors ?? [])}");
        return new PublicApiContract(document, document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult());
    }

    /// <summary>The documented operations: method and path template.</summary>
    public IEnumerable<(string Method, string Path)> Operations =>
        _document.Paths.SelectMany(path => (path.Value.Operations ?? []).Select(operation => (operation.Key.Method, path.Key)));

    /// <summary>What the document does not describe in <paramref name="response"/> (its body read as <paramref name="body"/>); empty when it describes all of it.</summary>
    public IReadOnlyList<string> Check(HttpResponseMessage response, string body)
    {
        var request = response.RequestMessage ?? throw new ArgumentException("The answer has no request.", nameof(response));
        var path = request.RequestUri!.AbsolutePath;
        if (Route(path) is not { } route)
            return [$"{path} is not a path of the document"];
        var (template, item) = route;
        if (item.Operations?.GetValueOrDefault(request.Method)?.Responses is not { } responses)
            return [$"{request.Method} is not an operation of {template}"];
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var code = new[] { status, $"{status[0]}XX", "default" }.FirstOrDefault(responses.ContainsKey);
        if (code is null)
            return [$"status {status} is not one of {string.Join(", ", responses.Keys)}"];
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (body.Length == 0)
            return [];
        if (responses[code].Content is not { Count: > 0 } content)
            return [$"status {status} has a {mediaType} body, and the document says none"];
        if (content.Keys.FirstOrDefault(documented => Matches(documented, mediaType)) is not { } media)
            return [$"status {status} is {mediaType ?? "of no media type"}, not {string.Join(" or ", content.Keys)}"];
        if (content[media].Schema is null || mediaType?.EndsWith("json", StringComparison.Ordinal) != true)
            return [];

        // The schema is found by its place in the document, so that its $refs resolve there.
        var place = responses[code] is OpenApiResponseReference reference
            ? $"/components/responses/{Escape(reference.Reference.Id!)}"
            : $"/paths/{Escape(template)}/{request.Method.Method.ToLowerInvariant()}/responses/{Escape(code)}";
        var schema = _built.GetOrAdd($"{place}/content/{Escape(media)}/schema",
            pointer => JsonSchema.FromText(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = $"{DocumentUri}#{pointer}" }), _schemas));
        JsonDocument instance;
        try
        {
            instance = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return [$"status {status} is {mediaType} that is not JSON: {ex.Message}"];
        }
        using (instance)
        {
            var result = schema.Evaluate(instance.RootElement, Evaluation);
            return result.IsValid ? [] : [.. (result.Details ?? []).Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"status {status}, {detail.InstanceLocation}: {error.Value}"))];
        }
    }

    /// <summary>Fails the test when the document does not describe <paramref name="response"/>, saying what it does not.</summary>
    public void AssertDescribes(HttpResponseMessage response, string body)
    {
        var undescribed = Check(response, body);
        Assert.True(undescribed.Count == 0,
            $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.PathAndQuery} answered {(int)response.StatusCode}, "
            + $"which gateway/wwwroot/openapi.yaml does not describe:\n  {string.Join("\n  ", undescribed)}\n{body[..Math.Min(body.Length, 600)]}");
    }

    // A request's path against the document's templates, segment by segment; the most literal template wins (/api/orders/hall over /api/orders/{needId}).
    private (string Template, IOpenApiPathItem Item)? Route(string path)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        return _document.Paths
            .Select(entry => (Template: entry.Key, Item: entry.Value, Segments: entry.Key.Trim('/').Split('/')))
            .Where(entry => entry.Segments.Length == segments.Length
                && entry.Segments.Zip(segments).All(pair => pair.First.StartsWith('{') || pair.First == pair.Second))
            .OrderByDescending(entry => string.Concat(entry.Segments.Select(segment => segment.StartsWith('{') ? '0' : '1')), StringComparer.Ordinal)
            .Select(entry => ((string, IOpenApiPathItem)?)(entry.Template, entry.Item))
            .FirstOrDefault();
    }

    private static bool Matches(string documented, string? actual) =>
        actual is not null && (documented == actual || documented == "*/*"
            || documented.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(documented[..^1], StringComparison.Ordinal));

    // A JSON pointer's token in a URI fragment: ~ and / escaped as JSON Pointer says, the rest as a URI says (the + of problem+json).
    private static string Escape(string token) =>
        Uri.EscapeDataString(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
}
