using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.Gateway.Tests;

/// <summary>Small request shorthands the gateway tests share.</summary>
internal static class Api
{
    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { username, password });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static async Task<string> TokenAsync(this HttpClient client, string username, string password)
    {
        var response = await client.RequestTokenAsync(username, password);
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("accessToken").GetString()!;
    }
}
