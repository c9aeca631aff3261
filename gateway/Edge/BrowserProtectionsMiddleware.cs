namespace Dispatch.Gateway.Edge;

/// <summary>
/// What browsers are told about every answer of the gateway — the UI, its own API and the services it proxies: scripts,
/// styles and everything else from this origin only (the UI has no inline script or style, and keeps it so), never
/// framed, never sniffed, no referrer sent on, and no product name; an API answer (sign-in and accounts included) is
/// never kept by a browser or a proxy, since many carry residents' needs and contacts.
/// </summary>
internal sealed class BrowserProtectionsMiddleware(RequestDelegate next)
{
    // Images also from blob: URLs, which only this origin's own scripts can make: the poster's QR code is fetched with
    // the branch's token and shown from one.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // A service behind the gateway may name its server; the edge does not pass that on.
            headers.Remove("Server");
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
