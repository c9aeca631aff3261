using Dispatch.ServiceDefaults.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Dispatch.ServiceDefaults.Tests.Messaging;

public sealed class BrokerReadinessTests
{
    [Fact]
    public void A_bus_that_never_started_keeps_the_service_unready()
    {
        var readiness = new BrokerReadiness();

        Assert.Equal(HealthStatus.Unhealthy, readiness.Judge(HealthCheckResult.Unhealthy("not started")).Status);
        Assert.Equal(HealthStatus.Unhealthy, readiness.Judge(HealthCheckResult.Unhealthy("still not started")).Status);
    }

    [Fact]
    public void Once_the_bus_was_up_a_broker_outage_only_degrades_and_recovery_is_healthy_again()
    {
        var readiness = new BrokerReadiness();

        Assert.Equal(HealthStatus.Healthy, readiness.Judge(HealthCheckResult.Healthy("ready")).Status);
        var outage = readiness.Judge(HealthCheckResult.Unhealthy("connection lost"));
        Assert.Equal(HealthStatus.Degraded, outage.Status);
        Assert.Contains("outbox", outage.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, readiness.Judge(HealthCheckResult.Healthy("ready")).Status);
    }
}
