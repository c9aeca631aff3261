using System.Text.Json.Nodes;

namespace Dispatch.Testing.Processes;

/// <summary>Reading the public API's JSON answers.</summary>
public static class ApiJson
{
    /// <summary>The <c>id</c> of a created resource.</summary>
    public static Guid Id(this JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());

    /// <summary>Whether a <c>{items}</c> page holds the order of <paramref name="needId"/> (the hall, my orders).</summary>
    public static bool HasNeed(this JsonNode page, Guid needId) =>
        page["items"]?.AsArray().Any(item => item!["needId"]!.GetValue<string>() == needId.ToString()) == true;
}
