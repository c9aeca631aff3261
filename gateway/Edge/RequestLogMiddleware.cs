using System.Diagnostics;

namespace Dispatch.Gateway.Edge;

/// <summary>
/// One log line per request at the edge (the line names its trace, as every line does), so a need's path through
/// the system starts in the gateway's log. Runs first, so refusals (401, 413, 429) are logged too.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The client's address as the forwarded-headers middleware found it behind a trusted proxy.
            logger.LogInformation("HTTP {Method} {Path} from {ClientAddress} answered {StatusCode} in {ElapsedMs:0} ms",
                context.Request.Method, context.Request.Path.Value, context.Connection.RemoteIpAddress, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
