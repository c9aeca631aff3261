using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Testing.Processes;

/// <summary>A client of the public API through the gateway, signed in as one account.</summary>
public sealed class GatewayClient(Uri gateway, string? token = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>When set, every answer is held to it, and one it does not describe fails the test (the end-to-end tests set it).</summary>
    public static PublicApiContract? Contract { get; set; }
    /// <summary>The bearer token this client signs its requests with (good at every service of the system too).</summary>
    public string? Token => token;

    public static async Task<GatewayClient> SignInAsync(Uri gateway, string username, string password) =>
        new(gateway, await TokenAsync(gateway, username, password));

    /// <summary>Signs in and returns the bearer token itself (to show it to a service directly).</summary>
    public static async Task<string> TokenAsync(Uri gateway, string username, string password)
    {
        using var anonymous = new GatewayClient(gateway);
        var response = await anonymous.SendAsync(HttpMethod.Post, "/api/auth/token", new { username, password });
        Assert.True(response.Status == HttpStatusCode.OK, $"sign-in of {username} failed: {response}");
        return response.Body!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Sends a request; with <paramref name="traceParent"/>, in that trace (the W3C <c>traceparent</c> header).</summary>
    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, string? traceParent = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (traceParent is not null)
            request.Headers.Add("traceparent", traceParent);
        // The test runs where the gateway trusts a proxy (loopback): it may say which client it forwards.
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Contract?.AssertDescribes(response, text);
        return new ApiResponse(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Content.Headers.ContentType?.MediaType, response.Headers.Location, text,
            response.Headers.TryGetValues("X-Correlation-Id", out var ids) ? ids.Single() : null);
    }

    /// <summary>Sends <paramref name="json"/> exactly as written (a body no serializer would make: wrong types, broken JSON).</summary>
    public async Task<ApiResponse> SendTextAsync(HttpMethod method, string path, string? json, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, contentType);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, null, response.Content.Headers.ContentType?.MediaType, response.Headers.Location, text);
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>A file the API serves (a PDF, a CSV, a page), as bytes with its status and media type.</summary>
    public async Task<(HttpStatusCode Status, string? ContentType, byte[] Bytes)> GetFileAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    public Task<ApiResponse> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    /// <summary>POSTs and insists on <paramref name="expected"/>, returning the body.</summary>
    public async Task<JsonNode> PostExpectingAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await PostAsync(path, body);
        Assert.True(response.Status == expected, $"POST {path}: expected {(int)expected}, got {response}");
        return response.Body!;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An answer of the gateway; <paramref name="CorrelationId"/> is its <c>X-Correlation-Id</c> (the request's trace id).</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, string? ContentType, Uri? Location, string Text, string? CorrelationId = null)
{
    public override string ToString() => $"{(int)Status} {Text}";
}
