namespace Dispatch.Gateway.Edge;

/// <summary>The address a request came from, as the rate limits and the sign-in limits count it.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
