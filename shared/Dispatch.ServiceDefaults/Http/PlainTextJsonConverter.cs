using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.ServiceDefaults.Http;

/// <summary>
/// Every string of every request body, in one place: a control character (see <see cref="PlainText"/>) is the
/// client's mistake, a 400 naming the field, before any handler or the database sees it; the rest is kept composed (NFC).
/// </summary>
internal sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString()!;
        if (PlainText.ControlCharacterIn(text) is { } found)
            throw new RefusedTextException($"must not hold control characters ({found}).");
        return PlainText.Composed(text);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A string of a request body that no field may hold; the serializer adds the field's path.</summary>
internal sealed class RefusedTextException(string message) : JsonException(message);
