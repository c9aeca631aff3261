using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Dispatch.ServiceDefaults.Messaging;

namespace Dispatch.ServiceDefaults.Http;

/// <summary>
/// Turns exceptions into problem details with the right status: a body that does not parse is the
/// client's mistake (400; text no field may hold names its field), an unreachable database is ours and temporary (503), anything else is 500.
/// </summary>
internal sealed class ClientErrorExceptionHandler(IProblemDetailsService problemDetails, ILogger<ClientErrorExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { InnerException: RefusedTextException refused })
        {
            var field = Field(refused.Path);
            var message = $"{field} {refused.Message}";
            return await WriteAsync(context, exception, StatusCodes.Status400BadRequest,
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Title = "The request is not valid", Detail = message });
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid", Unwrap(bad)),
            _ when TransientFailures.IsTransient(exception) => (StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", "The service's database is not reachable right now; nothing was changed. Try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The service failed to handle this request; nothing was changed."),
        };
        if (status >= 500)
            logger.LogError(exception, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);

        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        return await WriteAsync(context, exception, status, new ProblemDetails { Title = title, Detail = detail });
    }

    private async ValueTask<bool> WriteAsync(HttpContext context, Exception exception, int status, ProblemDetails problem)
    {
        context.Response.StatusCode = status;
        problem.Status = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    // "$.skills[2]" names the field skills; the body as a whole is "body".
    private static string Field(string? path) =>
        path?.TrimStart('$', '.').Split('[', '.')[0] is { Length: > 0 } field ? field : "body";

    // The JSON reader's message says which field and where; the outer one only says "failed to read".
    private static string Unwrap(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json ? $"The body is not valid JSON for this request: {json.Message}" : exception.Message;
}
