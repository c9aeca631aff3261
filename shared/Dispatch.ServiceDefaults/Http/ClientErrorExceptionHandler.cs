using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.ServiceDefaults.Http;

/// <summary>
/// Turns exceptions into problem details with the right status: a body that does not parse is the
/// client's mistake (400), an unreachable database is ours and temporary (503), anything else is 500.
/// </summary>
internal sealed class ClientErrorExceptionHandler(IProblemDetailsService problemDetails, ILogger<ClientErrorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid", Unwrap(bad)),
            _ when TransientFailures.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", "The service's database is not reachable right now; nothing was changed. Try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The service failed to handle this request; nothing was changed."),
        };
        if (status >= 500)
            logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    // The JSON reader's message says which field and where; the outer one only says "failed to read".
    private static string Unwrap(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json ? $"The body is not valid JSON for this request: {json.Message}" : exception.Message;
}
