namespace Dispatch.ServiceDefaults.Http;

/// <summary>
/// The proxies in front of this process that may say who the client is (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>):
/// the gateway's ingress for the gateway, the gateway for the services. A forwarded header from any other address is
/// ignored, so nobody outside can pose as another client to the rate limits, the logs or the audit trail. Loopback only
/// when neither list is set (run.sh: every process on one machine).
/// </summary>
public sealed class TrustedProxiesOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of single proxies, e.g. <c>ForwardedHeaders__KnownProxies__0=10.0.3.7</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form, e.g. <c>ForwardedHeaders__KnownNetworks__0=10.244.0.0/16</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
