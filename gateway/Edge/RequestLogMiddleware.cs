using System.Diagnostics;
using Dispatch.ServiceDefaults.Correlation;

namespace Dispatch.Gateway.Edge;

/// <summary>
/// One log line per request at the edge, with its correlation id in the text, so a need's path through the
/// system starts in the gateway's log. Runs first, so refusals (401, 413, 429) are logged too.
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
            // The correlation middleware wrote the accepted or created id back into the request headers.
            var id = context.Request.Headers[CorrelationId.HeaderName].ToString();
            logger.LogInformation("HTTP {Method} {Path} answered {StatusCode} in {ElapsedMs:0} ms [correlation {CorrelationId}]",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, id);
        }
    }
}
