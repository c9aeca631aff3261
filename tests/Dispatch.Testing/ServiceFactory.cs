using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Dispatch.Testing;

/// <summary>
/// One service in-process on a fresh database and virtual host of the real PostgreSQL and RabbitMQ.
/// Subclass per service: <c>class NeedsService() : ServiceFactory&lt;Program&gt;("Needs")</c>.
/// </summary>
public class ServiceFactory<TProgram>(string connectionName) : WebApplicationFactory<TProgram>, IAsyncLifetime where TProgram : class
{
    public string DatabaseConnectionString { get; } = TestInfrastructure.NewDatabase(connectionName.ToLowerInvariant());
    public string BrokerUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BrokerUrl = await TestInfrastructure.NewVirtualHostAsync(connectionName.ToLowerInvariant());
        // Start the service now and wait until it is ready: its database migrated and its bus's queues
        // bound, so an event a test publishes first cannot reach an exchange with no queue behind it.
        using var client = CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync(ReadinessPath)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), $"the {connectionName} service should become ready");
    }

    public new Task DisposeAsync() => base.DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads these while building, before the factory's callbacks run.
        builder.UseSetting($"ConnectionStrings:{connectionName}", DatabaseConnectionString);
        builder.UseSetting("ConnectionStrings:RabbitMq", BrokerUrl);
        builder.UseSetting("Auth:SigningKeys", TestTokens.SigningKey);
        foreach (var (key, value) in ExtraSettings)
            builder.UseSetting(key, value);
    }

    /// <summary>What "started" means for this service; a service whose readiness depends on others may say less.</summary>
    protected virtual string ReadinessPath => "/health/ready";

    /// <summary>Further configuration a test fixture wants, applied the same way.</summary>
    protected virtual IEnumerable<(string Key, string Value)> ExtraSettings => [];

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
