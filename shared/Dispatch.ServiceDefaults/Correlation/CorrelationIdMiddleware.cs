using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dispatch.ServiceDefaults.Correlation;

/// <summary>Takes the caller's correlation id (or makes one), returns it, and puts it in every log line of the request.</summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var id = CorrelationId.IsAcceptable(incoming) ? incoming : CorrelationId.New();

        // Written back into the request so that a proxy forwarding it passes the same id on.
        context.Request.Headers[CorrelationId.HeaderName] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = id;
            return Task.CompletedTask;
        });

        CorrelationId.Current = id;
        // A message-template scope: structured loggers get the CorrelationId property, the console prints "CorrelationId:<id>".
        using (logger.BeginScope("CorrelationId:{CorrelationId}", id))
        {
            await next(context);
        }
    }
}
