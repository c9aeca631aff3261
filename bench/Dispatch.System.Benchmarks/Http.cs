using System.Net;
using System.Text;

namespace Dispatch.System.Benchmarks;

/// <summary>One HTTP client for every figure, so that the limits and the system are measured the same way.</summary>
internal static class Http
{
    public static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, Uri url, string? token = null, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body);
    }
}
