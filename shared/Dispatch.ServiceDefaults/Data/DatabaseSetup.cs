using Dispatch.ServiceDefaults.Audit;
using Microsoft.Extensions.Configuration;
using System.Reflection;
using Dapper;
using Dispatch.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dispatch.ServiceDefaults.Data;

public static class DatabaseSetup
{
    /// <summary>
    /// The service's database from <c>ConnectionStrings:{name}</c>, its migrations (embedded
    /// <c>Migrations/*.sql</c> of <paramref name="serviceAssembly"/>) applied at start, and its readiness check.
    /// </summary>
    public static WebApplicationBuilder AddDispatchDatabase(this WebApplicationBuilder builder, string name, Assembly serviceAssembly)
    {
        var raw = builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"Connection string '{name}' is missing: set ConnectionStrings__{name}.");
        var connectionString = PostgresConnectionString.Parse(raw);
        connectionString.ApplicationName ??= builder.Environment.ApplicationName;
        // No automatic preparation, whatever the string says: Npgsql (10.0.3; npgsql/npgsql#6391) marks a statement
        // prepared as soon as PostgreSQL parsed it, so one whose first prepared run fails at Bind (a value the server
        // refuses: NUL, too long, bad JSON) stays "prepared" without its row description, and the connection's next run of
        // that SQL — another request's — fails with "unexpected backend message DataRow" and breaks the connection.
        connectionString.MaxAutoPrepare = 0;
        // A connection back in the pool is not reset (RESET ALL, SET SESSION AUTHORIZATION, advisory unlocks: three
        // statements parsed again on every rent): no code here leaves session state behind (the migrator unlocks
        // its advisory lock, the hall feed unlistens).
        if (!Mentions(raw, "Reset On Close", "ResetOnClose"))
            connectionString.NoResetOnClose = true;

        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        DefaultTypeMap.MatchNamesWithUnderscores = true;

        builder.Services.AddNpgsqlDataSourceCore(connectionString.ConnectionString);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Database>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton(new MigrationSource(serviceAssembly, connectionString.ConnectionString));
        // Registered before the bus and the relay so that their tables exist when they start.
        builder.Services.AddHostedService<DatabaseMigrator>();
        // After the migrator (its table exists) and before the server listens: no ended session is forgotten at start.
        builder.Services.AddHostedService<EndedSessionsRefresher>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: ["ready"]);
        return builder;
    }

    private static bool Mentions(string connectionString, params string[] keywords) =>
        keywords.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));

    private static void AddNpgsqlDataSourceCore(this IServiceCollection services, string connectionString) =>
        // Spans for commands (Npgsql.OpenTelemetry listens), without the extra "first response" event on each.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString)
            .ConfigureTracing(tracing => tracing.EnableFirstResponseEvent(false))
            .Build());
}
