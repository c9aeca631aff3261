namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>Failures that say "try again later" about the infrastructure, not "this message is bad".</summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        Npgsql.NpgsqlException { IsTransient: true } => true,
        // The server is shutting down or restarting (pg_ctl stop, a failover): the connection ends, not the request.
        Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => true,
        Npgsql.PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal) => true,
        TimeoutException => true,
        { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
