using Microsoft.Net.Http.Headers;

namespace Dispatch.Gateway.Teams;

/// <summary>
/// Passes the caller's own token on to the team registry, so the registry applies the caller's rights (not the
/// gateway's). (The trace context goes along by itself: HttpClient sends traceparent.)
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
        return base.SendAsync(request, cancellationToken);
    }
}
