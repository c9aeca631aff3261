using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Dispatch.EndToEnd.Tests.ClientMistakes;

/// <summary>One request to send: what it tries, and exactly what goes on the wire.</summary>
public sealed record BadRequest(string Operation, string Tries, HttpMethod Method, string Path, string? ContentType, string? Body)
{
    public override string ToString() => $"{Method} {Path} ({Tries})";
}

/// <summary>
/// Requests a client could get wrong, made from one operation of the OpenAPI document: first a well-formed one from its
/// schemas (the baseline), then the same with one thing wrong at a time — a path id of the wrong type or from another
/// scope, query values past their bounds or of the wrong type, NUL and control characters, very long strings, a body
/// that is missing, broken, of the wrong shape, with a field missing, of the wrong type, past its bounds, or extra.
/// </summary>
public sealed class BadRequests(FuzzIds ids)
{
    private const int VeryLong = 100_000;

    private static readonly string[] BadTexts = ["陪伴\u0000聊天", "\u001b[31m", "\u202e天聊", "\u200b", "   ", "' or 1=1 --", "<script>alert(1)</script>", "😀"];

    public static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation, IReadOnlyList<IOpenApiParameter> Parameters)> Operations(OpenApiDocument document) =>
        from path in document.Paths
        from operation in path.Value.Operations ?? []
        select (path.Key, operation.Key, operation.Value,
            (IReadOnlyList<IOpenApiParameter>)[.. path.Value.Parameters ?? [], .. operation.Value.Parameters ?? []]);

    /// <summary>The well-formed request, then every bad one.</summary>
    public IEnumerable<BadRequest> For(string template, HttpMethod method, OpenApiOperation operation, IReadOnlyList<IOpenApiParameter> parameters)
    {
        var name = $"{method} {template}";
        var pathParameters = parameters.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name!).ToList();
        var query = parameters.Where(p => p.In == ParameterLocation.Query).ToList();
        var ownPath = pathParameters.Aggregate(template, (path, parameter) => path.Replace($"{{{parameter}}}", ids.Own(template, parameter).ToString(), StringComparison.Ordinal));
        var (contentType, schema) = Body(operation);
        var body = contentType is null ? null : contentType == "application/json" ? Valid(schema!, "", 0)?.ToJsonString() : ValidCsv;

        yield return new BadRequest(name, "well-formed", method, ownPath, contentType, body);

        foreach (var parameter in pathParameters)
        {
            var othersFilled = pathParameters.Where(p => p != parameter)
                .Aggregate(template, (path, other) => path.Replace($"{{{other}}}", ids.Own(template, other).ToString(), StringComparison.Ordinal));
            foreach (var (tries, value) in BadIds(ids.Other(template, parameter)))
                yield return new BadRequest(name, $"path {parameter}: {tries}", method,
                    othersFilled.Replace($"{{{parameter}}}", value, StringComparison.Ordinal), contentType, body);
        }

        var validQuery = string.Join("&", query.Select(p => $"{p.Name}={Uri.EscapeDataString(QueryValue(p))}"));
        if (validQuery.Length > 0)
            yield return new BadRequest(name, "every query parameter", method, $"{ownPath}?{validQuery}", contentType, body);
        foreach (var parameter in query)
        {
            foreach (var (tries, value) in BadScalars(parameter.Schema!))
                yield return new BadRequest(name, $"query {parameter.Name}: {tries}", method, $"{ownPath}?{parameter.Name}={Uri.EscapeDataString(value)}", contentType, body);
            yield return new BadRequest(name, $"query {parameter.Name}: twice", method,
                $"{ownPath}?{parameter.Name}={Uri.EscapeDataString(QueryValue(parameter))}&{parameter.Name}=2", contentType, body);
        }

        if (contentType == "application/json")
            foreach (var (tries, text) in BadBodies(schema!, body!))
                yield return new BadRequest(name, $"body: {tries}", method, ownPath, contentType, text);
        else if (contentType is not null)
            foreach (var (tries, text) in BadCsv())
                yield return new BadRequest(name, $"csv: {tries}", method, ownPath, contentType, text);
        if (method != HttpMethod.Get && contentType != "application/json")
            yield return new BadRequest(name, "an unexpected JSON body", method, ownPath, "application/json", """{"unexpected":"\u0000"}""");
    }

    private static (string? ContentType, IOpenApiSchema? Schema) Body(OpenApiOperation operation)
    {
        var content = operation.RequestBody?.Content;
        if (content is null || content.Count == 0)
            return (null, null);
        if (content.TryGetValue("application/json", out var json))
            return ("application/json", json.Schema);
        return content.ContainsKey("text/csv") ? ("text/csv", null) : (null, null);
    }

    // ---- well-formed values ----

    private JsonNode? Valid(IOpenApiSchema schema, string name, int depth)
    {
        if (schema.Enum is { Count: > 0 } values)
            return values[0]?.DeepClone();
        if (schema.Examples is { Count: > 0 } examples)
            return examples[0]?.DeepClone();
        var type = schema.Type ?? (schema.OneOf ?? schema.AnyOf ?? schema.AllOf)?.FirstOrDefault()?.Type;
        if (schema.Type is null && (schema.OneOf ?? schema.AnyOf ?? schema.AllOf)?.FirstOrDefault(s => s.Type is not JsonSchemaType.Null) is { } first)
            return Valid(first, name, depth);
        if (type is null)
            return JsonValue.Create("测试");
        if (type.Value.HasFlag(JsonSchemaType.Object))
        {
            var node = new JsonObject();
            if (depth < 4)
                foreach (var (property, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                    if (schema.Required?.Contains(property) == true || !(propertySchema.Format == "uuid" || Nullable(propertySchema)))
                        node[property] = Valid(propertySchema, property, depth + 1);
            return node;
        }
        if (type.Value.HasFlag(JsonSchemaType.Array))
        {
            var items = new JsonArray();
            if (schema.Items is { } item && depth < 4)
                for (var i = 0; i < Math.Max(1, schema.MinItems ?? 1); i++)
                    items.Add(Valid(item, name, depth + 1));
            return items;
        }
        if (type.Value.HasFlag(JsonSchemaType.Integer) || type.Value.HasFlag(JsonSchemaType.Number))
            return JsonValue.Create(Number(schema.Minimum) ?? (Number(schema.Maximum) is { } max && max < 1 ? max : 1));
        if (type.Value.HasFlag(JsonSchemaType.Boolean))
            return JsonValue.Create(false);
        return JsonValue.Create(Text(schema, name));
    }

    private string Text(IOpenApiSchema schema, string name)
    {
        var lower = name.ToLowerInvariant();
        return schema.Format switch
        {
            "uuid" => ids.ForField(name).ToString(),
            "date-time" => DateTimeOffset.UtcNow.Date.AddDays(lower.Contains("deadline", StringComparison.Ordinal) ? 2 : 3)
                .AddHours(lower.StartsWith("end", StringComparison.Ordinal) || lower == "to" ? 2 : 0).ToString("O", CultureInfo.InvariantCulture),
            "date" => DateTime.UtcNow.Date.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ when lower.Contains("phone", StringComparison.Ordinal) => "13800000001",
            _ when lower.Contains("password", StringComparison.Ordinal) => "fuzz-Password-1",
            _ when lower == "username" => $"fuzz-{Guid.NewGuid():N}"[..16],
            _ => new string('测', Math.Max(2, schema.MinLength ?? 0)),
        };
    }

    private string QueryValue(IOpenApiParameter parameter) =>
        Valid(parameter.Schema!, parameter.Name!, 0) is JsonValue value ? value.ToString() : "1";

    private static bool Nullable(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true || (schema.OneOf ?? schema.AnyOf)?.Any(s => s.Type == JsonSchemaType.Null) == true;

    private static decimal? Number(string? bound) =>
        decimal.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    // ---- bad values ----

    private static IEnumerable<(string, string)> BadIds(Guid otherScope) =>
    [
        ("another scope's id", otherScope.ToString()),
        ("an unknown id", Guid.NewGuid().ToString()),
        ("the empty id", Guid.Empty.ToString()),
        ("not an id", "not-an-id"),
        ("a number", "2147483648"),
        ("NUL", "%00"),
        ("very long", new string('a', 2000)),
    ];

    private static IEnumerable<(string, string)> BadScalars(IOpenApiSchema schema)
    {
        var type = schema.Type ?? schema.OneOf?.FirstOrDefault()?.Type ?? JsonSchemaType.String;
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            foreach (var bound in new[] { Number(schema.Minimum) - 1, Number(schema.Maximum) + 1 }.OfType<decimal>())
                yield return ($"past its bound ({bound})", bound.ToString(CultureInfo.InvariantCulture));
            foreach (var value in new[] { "0", "-1", "2147483647", "2147483648", "-2147483649", "99999999999999999999999", "1e400", "1.5", "NaN", "abc", "" })
                yield return ($"number {value}", value);
        }
        else if (schema.Format is "uuid")
            foreach (var value in new[] { "not-an-id", Guid.Empty.ToString(), "", "2147483648" })
                yield return ($"id {value}", value);
        else if (schema.Format is "date-time" or "date")
            foreach (var value in new[] { "not-a-date", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30", "-1", "" })
                yield return ($"time {value}", value);
        else if (schema.Enum is { Count: > 0 })
            yield return ("not one of its values", "not-one-of-them");
        foreach (var text in BadTexts)
            yield return ($"text {Escape(text)}", text);
        yield return ("very long", new string('x', 20_000));
    }

    private IEnumerable<(string, string)> BadBodies(IOpenApiSchema schema, string valid)
    {
        yield return ("none", "");
        yield return ("null", "null");
        yield return ("an array", "[]");
        yield return ("a string", "\"x\"");
        yield return ("broken JSON", "{\"a\":");
        yield return ("nested past any depth", new string('[', 300) + new string(']', 300));
        yield return ("an extra field", JsonNode.Parse(valid) is JsonObject withExtra ? Set(withExtra, "unexpectedField", "\u0000").ToJsonString() : "{\"unexpectedField\":1}");

        if (JsonNode.Parse(valid) is not JsonObject template)
            yield break;
        foreach (var (property, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema.Required?.Contains(property) == true)
                yield return ($"{property} missing", Without(template, property).ToJsonString());
            foreach (var (tries, value) in BadValues(propertySchema, property))
                yield return ($"{property} {tries}", Set((JsonObject)template.DeepClone(), property, value).ToJsonString());
        }
    }

    private IEnumerable<(string, JsonNode?)> BadValues(IOpenApiSchema schema, string name)
    {
        var type = schema.Type ?? (schema.OneOf ?? schema.AnyOf)?.FirstOrDefault(s => s.Type is not JsonSchemaType.Null)?.Type ?? JsonSchemaType.String;
        yield return ("null", null);
        yield return ("an object", new JsonObject { ["a"] = 1 });
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            foreach (var bound in new[] { Number(schema.Minimum) - 1, Number(schema.Maximum) + 1 }.OfType<decimal>())
                yield return ($"past its bound ({bound})", JsonValue.Create(bound));
            foreach (var value in new[] { "0", "-1", "2147483647", "2147483648", "-2147483649", "9007199254740993", "1e308", "-1e308", "1.5", "1e400" })
                yield return ($"number {value}", JsonNode.Parse(value));
            yield return ("a string", JsonValue.Create("12"));
            yield return ("true", JsonValue.Create(true));
        }
        else if (type.HasFlag(JsonSchemaType.Array))
        {
            var item = schema.Items is { } items ? Valid(items, name, 1) : JsonValue.Create("x");
            yield return ("a string", JsonValue.Create("x"));
            yield return ("1000 items", new JsonArray(Enumerable.Range(0, 1000).Select(_ => item?.DeepClone()).ToArray()));
            yield return ("items of the wrong type", new JsonArray(JsonValue.Create(1), new JsonObject()));
            yield return ("a null item", new JsonArray((JsonNode?)null));
            foreach (var text in BadTexts.Take(3))
                yield return ($"an item {Escape(text)}", new JsonArray(JsonValue.Create(text)));
        }
        else if (type.HasFlag(JsonSchemaType.Boolean))
            yield return ("a string", JsonValue.Create("yes"));
        else if (type.HasFlag(JsonSchemaType.Object))
            yield return ("an array", new JsonArray());
        else
        {
            yield return ("a number", JsonValue.Create(12345));
            yield return ("an array", new JsonArray(JsonValue.Create("x")));
            foreach (var text in BadTexts)
                yield return ($"text {Escape(text)}", JsonValue.Create(text));
            yield return ($"longer than {schema.MaxLength ?? 0}", JsonValue.Create(new string('长', (schema.MaxLength ?? 1000) + 1)));
            yield return ("very long", JsonValue.Create(new string('x', VeryLong)));
            if (schema.Format is "uuid")
            {
                yield return ("another scope's id", JsonValue.Create(ids.OtherForField(name).ToString()));
                yield return ("not an id", JsonValue.Create("not-an-id"));
                yield return ("the empty id", JsonValue.Create(Guid.Empty.ToString()));
            }
            if (schema.Format is "date-time")
                foreach (var value in new[] { "not-a-date", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-02-30T00:00:00Z" })
                    yield return ($"time {value}", JsonValue.Create(value));
            if (schema.Enum is { Count: > 0 })
                yield return ("not one of its values", JsonValue.Create("not-one-of-them"));
        }
    }

    private const string ValidCsv = "标题,类别,人数,开始时间,结束时间\r\n陪伴聊天,养老服务,2,2030-01-01 09:00,2030-01-01 11:00\r\n";

    private static IEnumerable<(string, string)> BadCsv() =>
    [
        ("empty", ""),
        ("only a header", "标题,类别\r\n"),
        ("NUL in a cell", "标题,类别,人数,开始时间,结束时间,队伍名称,社区\r\n陪伴\u0000聊天,养老服务,2,2030-01-01 09:00,2030-01-01 11:00,队\u0000,x\r\n"),
        ("an unclosed quote", "标题,类别\r\n\"陪伴聊天,养老服务\r\n"),
        ("a very long cell", "标题,类别\r\n" + new string('x', VeryLong) + ",养老服务\r\n"),
        ("many columns", string.Join(",", Enumerable.Range(0, 5000)) + "\r\n"),
        ("not text", Encoding.Latin1.GetString([0xFF, 0xFE, 0x00, 0x01, 0x80, 0x81])),
        ("numbers past their bounds", "标题,类别,人数,开始时间,结束时间,承接能力,成员数\r\n陪伴,养老服务,2147483648,9999-99-99,x,99999999999,-1\r\n"),
    ];

    private static JsonObject Without(JsonObject template, string property)
    {
        var copy = (JsonObject)template.DeepClone();
        copy.Remove(property);
        return copy;
    }

    private static JsonObject Set(JsonObject target, string property, JsonNode? value)
    {
        target[property] = value;
        return target;
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? $"\\u{(int)c:x4}" : c.ToString()));
}
