using Yarp.ReverseProxy.Transforms;

namespace Dispatch.Gateway.Edge;

/// <summary>
/// Transforms every proxied route gets, whatever its configuration says: rules of the edge that a new
/// route must not be able to forget. Route-specific transforms belong in the route's configuration.
/// </summary>
internal static class EdgeTransforms
{
    public static IReverseProxyBuilder AddEdgeTransforms(this IReverseProxyBuilder proxy) =>
        proxy.AddTransforms(route =>
            // The services authenticate by bearer token only; the UI's cookies are none of their business.
            // (What browsers are told about every answer, proxied or not, is BrowserProtectionsMiddleware's.)
            route.AddRequestHeaderRemove("Cookie"));
}
