using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Dispatch.Needs.Domain;

/// <summary>
/// What makes two imported rows "the same need": their checked content, so re-importing a file (or the
/// same row with other spacing, column order or 类别 written as a name instead of a key) creates nothing new.
/// </summary>
internal static class NeedFingerprint
{
    public static string Of(NeedContent content)
    {
        // Skills are a set: their order in the cell does not make another need.
        var canonical = content with { Skills = content.Skills.Order(StringComparer.Ordinal).ToArray() };
        var json = JsonSerializer.SerializeToUtf8Bytes(canonical);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
