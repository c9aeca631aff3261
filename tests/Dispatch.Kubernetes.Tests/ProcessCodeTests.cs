using Xunit;

namespace Dispatch.Kubernetes.Tests;

/// <summary>The settings the other tests hold the manifests to are found in the code (not an empty list that lets anything pass).</summary>
public sealed class ProcessCodeTests
{
    [Fact]
    public void The_gateway_reads_its_database_keys_admin_password_team_registry_proxy_and_the_broker_it_publishes_to()
    {
        var gateway = ProcessCode.For("gateway");

        Assert.Equal(["Identity"], gateway.Databases);
        Assert.True(gateway.UsesBroker);
        Assert.Superset(new HashSet<string> { "ConnectionStrings__Identity", "ConnectionStrings__RabbitMq", "Auth__SigningKeys", "Dispatch__AdminPassword", "Services__Teams" }, gateway.Requires.ToHashSet());
        Assert.True(gateway.Reads("ReverseProxy__Clusters__needs__Destinations__d1__Address"));
        Assert.True(gateway.Reads("Auth__TokenLifetime"));
        Assert.False(gateway.Reads("ConnectionStrings__Needs"));
        Assert.Equal(["matching", "needs", "teams"], gateway.ProxyClusters.Order());
    }

    [Theory]
    [InlineData("needs", "Needs")]
    [InlineData("teams", "Teams")]
    [InlineData("matching", "Matching")]
    public void A_service_reads_its_own_database_the_broker_and_the_messaging_options(string service, string database)
    {
        var code = ProcessCode.For(service);

        Assert.Equal([database], code.Databases);
        Assert.True(code.UsesBroker);
        Assert.Superset(new HashSet<string> { $"ConnectionStrings__{database}", "ConnectionStrings__RabbitMq", "Auth__SigningKeys" }, code.Requires.ToHashSet());
        Assert.True(code.Reads("Messaging__DeliveryLimit"));
        Assert.True(code.Reads("Messaging__RetryIntervalsMs__0"));
        Assert.True(code.Reads("Outbox__PollInterval"));
        Assert.False(code.Reads("Dispatch__AdminPassword"));
        Assert.False(code.Reads("ConnectionStrings__Identity"));
        Assert.False(code.Reads("ReverseProxy__Clusters__needs__Destinations__d1__Address"));
    }

    [Fact]
    public void The_options_classes_of_a_process_are_the_settings_it_reads()
    {
        var matching = ProcessCode.For("matching");
        var gateway = ProcessCode.For("gateway");

        Assert.True(matching.Reads("Escalation__StepWindow"));
        Assert.False(ProcessCode.For("needs").Reads("Escalation__StepWindow"));
        Assert.True(gateway.Reads("CircuitBreaker__BreakDuration"));
        Assert.True(gateway.Reads("RateLimiting__SignIn__FirstLockout"));
        Assert.False(gateway.Reads("CircuitBreaker__NoSuchSetting"));
    }
}
