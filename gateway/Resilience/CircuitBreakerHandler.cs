using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dispatch.Gateway.Health;
using Dispatch.ServiceDefaults.Telemetry;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Dispatch.Gateway.Resilience;

/// <summary>
/// Sits between YARP and the connection: one Polly circuit per destination (scheme, host and port). YARP's health checks
/// decide where requests go, but they still send them to a failing replica when it is the only one (HealthyOrPanic),
/// count neither 5xx answers nor hangs, and react only at the next probe; the circuit is what answers 503 problem details
/// at once while a destination keeps failing (a request it does not answer in time gets a 504 and counts as a failure).
/// </summary>
internal sealed class CircuitBreakerHandler(CircuitBreakerOptions options, string clusterId, ILogger logger) : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _circuits = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ProbeMarking.IsProbe, out var probe) && probe)
            return await base.SendAsync(request, cancellationToken);
        var destination = request.RequestUri!.GetLeftPart(UriPartial.Authority);
        var circuit = _circuits.GetOrAdd(destination, Build);
        try
        {
            return await circuit.ExecuteAsync(
                static async (state, ct) => await state.Handler.SendCoreAsync(state.Request, ct), (Handler: this, Request: request), cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return Problem(HttpStatusCode.ServiceUnavailable, "Service unavailable",
                $"The {clusterId} service is failing; the gateway stopped sending it requests for a moment. Try again shortly.", options.BreakDuration);
        }
        catch (TimeoutRejectedException)
        {
            return Problem(HttpStatusCode.GatewayTimeout, "Gateway timeout",
                $"The {clusterId} service did not answer within {options.AttemptTimeout.TotalSeconds:0.#} s.", null);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private ResiliencePipeline<HttpResponseMessage> Build(string destination) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = Math.Max(2, options.MinimumThroughput),
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                // What says the destination is down, not what one request got: no connection, no answer in time, or the
                // destination saying it cannot serve (502–504, a database it cannot reach). A 500 is that request's own
                // failure; counting it would let a few requests that fail open the circuit for everyone. A client that
                // hung up is not the destination's failure either.
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
                OnOpened = args =>
                {
                    logger.LogWarning("Circuit to {Cluster} destination {Destination} opened for {BreakDuration}", clusterId, destination, args.BreakDuration);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Circuit to {Cluster} destination {Destination} closed", clusterId, destination);
                    return default;
                },
            })
            // Inside the circuit, so a destination that hangs opens it too, instead of holding every request until the proxy's activity timeout.
            .AddTimeout(options.AttemptTimeout)
            .Build();

    private static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, TimeSpan? retryAfter)
    {
        var problem = new Dictionary<string, object?>
        {
            ["type"] = status == HttpStatusCode.ServiceUnavailable
                ? "https://tools.ietf.org/html/rfc9110#section-15.6.4"
                : "https://tools.ietf.org/html/rfc9110#section-15.6.5",
            ["title"] = title,
            ["status"] = (int)status,
            ["detail"] = detail,
            ["correlationId"] = TraceContext.CurrentTraceId,
        };
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(JsonSerializer.Serialize(problem, JsonSerializerOptions.Web)),
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/problem+json");
        // At most the break duration: the circuit lets a trial request through once it has passed.
        if (retryAfter is { } after)
            response.Headers.RetryAfter = new RetryConditionHeaderValue(after);
        return response;
    }
}
