using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>The <c>before</c> and <c>after</c> columns of <c>team_changes</c>: the touched fields only, camelCase, as the API names them.</summary>
internal static class ProfileFieldsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(ProfileFields fields) => JsonSerializer.Serialize(fields, Options);

    public static ProfileFields Read(string json) => JsonSerializer.Deserialize<ProfileFields>(json, Options) ?? ProfileFields.None;
}
