using Dispatch.ServiceDefaults.Configuration;

namespace Dispatch.Gateway;

/// <summary>What the gateway reads from configuration besides its options classes: its accounts database, the broker (it publishes AccountSessionsEnded) and YARP's section.</summary>
public static class GatewaySettings
{
    /// <summary>YARP's routes and clusters, which YARP binds itself.</summary>
    public const string ReverseProxySection = "ReverseProxy";

    public static ProcessSettings Declared { get; } = new(Database: "Identity", UsesBroker: true) { LibrarySections = [ReverseProxySection] };
}
