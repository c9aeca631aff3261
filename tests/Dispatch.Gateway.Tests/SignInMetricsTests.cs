using System.Diagnostics.Metrics;
using System.Net;
using Dispatch.Gateway.Telemetry;
using Dispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace Dispatch.Gateway.Tests;

public sealed class SignInMetricsTests(TightLimitsGatewayFactory gateway) : IClassFixture<TightLimitsGatewayFactory>
{
    [Fact]
    public async Task Sign_ins_are_counted_as_succeeded_failed_or_locked_out()
    {
        // This gateway's own meters only (each test class has its gateway), from before its first sign-in.
        using var signIns = new MetricCollector<long>(gateway.Services.GetRequiredService<IMeterFactory>(), GatewayMetrics.MeterName, "dispatch.sign_ins");
        var client = gateway.ClientFrom("198.51.100.77");

        await client.TokenAsync("admin", GatewayFactory.AdminPassword);
        for (var i = 0; i < TightLimitsGatewayFactory.AddressFailureLimit; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.RequestTokenAsync($"guess-{i}", "wrong-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.RequestTokenAsync("one-guess-too-many", "wrong-password-1")).StatusCode);

        Assert.Equal(1, Count(signIns, "succeeded"));
        Assert.Equal(TightLimitsGatewayFactory.AddressFailureLimit, Count(signIns, "failed"));
        Assert.Equal(1, Count(signIns, "locked_out"));
    }

    private static long Count(MetricCollector<long> collector, string outcome) =>
        collector.GetMeasurementSnapshot().Where(m => Equals(m.Tags["dispatch.sign_in.outcome"], outcome)).Sum(m => m.Value);
}
