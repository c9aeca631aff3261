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
        {
            // The services authenticate by bearer token only; the UI's cookies are none of their business.
            route.AddRequestHeaderRemove("Cookie");
            // Answers carry residents' needs and sometimes their contact details: no browser or proxy may keep a copy.
            route.AddResponseHeader("Cache-Control", "no-store", append: false, ResponseCondition.Always);
            route.AddResponseHeader("X-Content-Type-Options", "nosniff", append: false, ResponseCondition.Always);
        });
}
