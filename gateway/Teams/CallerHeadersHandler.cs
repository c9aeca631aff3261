using Dispatch.ServiceDefaults.Correlation;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Gateway.Teams;

/// <summary>
/// Passes the caller's own token and the request's correlation id on to the team registry, so the
/// registry applies the caller's rights (not the gateway's) and its log lines join the same trace.
/// </summary>
internal sealed class CallerHeadersHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.Remove(HeaderNames.Authorization);
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }
        if (CorrelationId.Current is { } id)
        {
            request.Headers.Remove(CorrelationId.HeaderName);
            request.Headers.TryAddWithoutValidation(CorrelationId.HeaderName, id);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
