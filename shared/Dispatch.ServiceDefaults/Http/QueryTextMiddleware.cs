using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.ServiceDefaults.Http;

/// <summary>
/// A query string value with a control character in it (<c>?q=%00</c>) is a 400 naming the parameter, before any
/// handler or the database sees it: the query-string side of <see cref="PlainTextJsonConverter"/>.
/// </summary>
internal sealed class QueryTextMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        foreach (var (name, values) in context.Request.Query)
            foreach (var value in values)
                if ((PlainText.ControlCharacterIn(value ?? "") ?? PlainText.ControlCharacterIn(name)) is { } found)
                {
                    var field = PlainText.ControlCharacterIn(name) is null ? name : "query";
                    var message = $"{field} must not hold control characters ({found}).";
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await problemDetails.WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                        {
                            Status = StatusCodes.Status400BadRequest,
                            Title = "The request is not valid",
                            Detail = message,
                        },
                    });
                    return;
                }
        await next(context);
    }
}
