using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Dispatch.Gateway.Health;

/// <summary>YARP's probe requests, marked so that the circuit breaker they pass through leaves them to YARP's own judgement.</summary>
internal sealed class ProbeMarking(IProbingRequestFactory yarps) : IProbingRequestFactory
{
    public static readonly HttpRequestOptionsKey<bool> IsProbe = new("Dispatch.Gateway.IsProbe");

    public HttpRequestMessage CreateRequest(ClusterModel cluster, DestinationModel destination)
    {
        var request = yarps.CreateRequest(cluster, destination);
        request.Options.Set(IsProbe, true);
        return request;
    }
}
