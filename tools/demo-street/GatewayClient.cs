using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dispatch.DemoStreet;

/// <summary>
/// The gateway's public API, as one signed-in account (or none) sees it. An answer of 429 (the gateway's
/// per-account rate limit) is waited out as its Retry-After says, and the request sent again.
/// </summary>
internal sealed class GatewayClient(HttpClient http, TextWriter log, string? token = null)
{
    /// <summary>Waits for the rate limit's window before giving up (the default window is 10 s).</summary>
    private const int RateLimitedAttempts = 10;

    public async Task<GatewayClient> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/auth/token", new { username, password }, cancellationToken);
        if (status != HttpStatusCode.OK)
            throw new DemoLoadException($"signing in as {username} failed: {(int)status} {Detail(body)}");
        return new GatewayClient(http, log, body.GetProperty("accessToken").GetString());
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return status == HttpStatusCode.OK ? body : throw Failed("GET", path, status, body);
    }

    /// <summary>POSTs and returns the answer when its status is one of <paramref name="accepted"/> (default 200/201).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        string path, object? content, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, path, content, cancellationToken);
        var ok = accepted.Length == 0 ? status is HttpStatusCode.OK or HttpStatusCode.Created : accepted.Contains(status);
        return ok ? (status, body) : throw Failed("POST", path, status, body);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? content, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (status, body, retryAfter) = await SendOnceAsync(method, path, content, cancellationToken);
            if (status != HttpStatusCode.TooManyRequests || attempt == RateLimitedAttempts)
                return (status, body);
            var wait = retryAfter is { } seconds && seconds > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Min(seconds.TotalSeconds, 60)) : TimeSpan.FromSeconds(1);
            log.WriteLine($"rate limited by the gateway; waiting {wait.TotalSeconds:F0} s");
            await Task.Delay(wait, cancellationToken);
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, TimeSpan? RetryAfter)> SendOnceAsync(
        HttpMethod method, string path, object? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (content is not null)
            request.Content = JsonContent.Create(content, options: JsonSerializerOptions.Web);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement body;
        try
        {
            body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            body = JsonSerializer.SerializeToElement(new { detail = text });
        }
        return (response.StatusCode, body, response.Headers.RetryAfter?.Delta);
    }

    private static DemoLoadException Failed(string method, string path, HttpStatusCode status, JsonElement body) =>
        new($"{method} {path} answered {(int)status}: {Detail(body)}");

    private static string Detail(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("detail", out var detail) ? detail.ToString()
        : body.ValueKind == JsonValueKind.Undefined ? "(no body)" : body.ToString();
}
