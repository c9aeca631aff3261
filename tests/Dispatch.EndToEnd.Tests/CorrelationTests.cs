using System.Diagnostics;
using System.Net;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>One need's path followed across the system's logs by the trace its client chose (W3C traceparent).</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CorrelationTests(DispatchSystem system)
{
    [Fact]
    public async Task The_trace_id_of_a_publish_request_is_its_correlation_id_and_is_in_the_gateways_log_and_in_the_matching_services_line_for_the_consumed_NeedPublished()
    {
        using var street = await new StreetBuilder(system.Gateway, "trace").Community("汇泉社区").BuildAsync();
        var branch = street.Branch;
        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title = "陪老人去医院复查", description = "周三上午", category = "elderly_care", volunteersNeeded = 1,
            skills = Array.Empty<string>(), startsAt = DateTime.UtcNow.AddDays(2), endsAt = DateTime.UtcNow.AddDays(2).AddHours(3),
        });
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        var published = await branch.SendAsync(HttpMethod.Post, $"/api/needs/{need.Id()}/publish", new { },
            $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Equal(traceId, published.CorrelationId);
        var gatewayLine = await Eventually.ReturnsAsync(() => Task.FromResult(LineWith(system.Process("gateway"), traceId, "/publish")),
            line => line is not null, TimeSpan.FromSeconds(10), "the gateway should log the request with its trace id");
        var consumedLine = await Eventually.ReturnsAsync(() => Task.FromResult(LineWith(system.Process("matching"), traceId, "Consuming NeedPublished")),
            line => line is not null, TimeSpan.FromSeconds(30), "the matching service should log consuming NeedPublished in the request's trace");
        Assert.Contains("POST", gatewayLine);
        Assert.Contains($"TraceId:{traceId}", consumedLine);
    }

    private static string? LineWith(ServiceProcess process, string traceId, string text) =>
        process.LogText().Split('\n').FirstOrDefault(line => line.Contains(traceId, StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal));
}
