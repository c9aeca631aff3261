using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Dispatch.Gateway.Resilience;

/// <summary>YARP's own client per cluster, with a <see cref="CircuitBreakerHandler"/> in front of its connections.</summary>
internal sealed class CircuitBreakingForwarderHttpClientFactory(IOptions<CircuitBreakerOptions> options, ILoggerFactory loggers)
    : ForwarderHttpClientFactory(loggers.CreateLogger<ForwarderHttpClientFactory>())
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new CircuitBreakerHandler(options.Value, context.ClusterId, loggers.CreateLogger<CircuitBreakerHandler>())
        {
            InnerHandler = base.WrapHandler(context, handler),
        };
}
