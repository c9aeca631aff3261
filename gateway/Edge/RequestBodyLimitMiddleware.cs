using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Dispatch.Gateway.Edge;

/// <summary>
/// Refuses a request whose declared body is larger than its route allows (the route's
/// <c>MaxRequestBodySize</c> in ReverseProxy config, else <c>RequestLimits:MaxRequestBodySize</c>) with a 413
/// problem before anything is read or forwarded; a chunked body is cut off by the server's limit, set to the same size.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var routeLimit = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.MaxRequestBodySize;
        var limit = routeLimit is > 0 ? routeLimit.Value : options.Value.MaxRequestBodySize;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;

        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The body is {length} bytes; this endpoint accepts at most {limit} bytes.",
                },
            });
            return;
        }
        await next(context);
    }
}
