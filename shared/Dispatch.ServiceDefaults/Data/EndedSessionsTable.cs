using Dispatch.ServiceDefaults.Auth;

namespace Dispatch.ServiceDefaults.Data;

/// <summary>The <c>ended_sessions</c> table every process's database has (shared migration <c>0000_ended_sessions</c>).</summary>
public static class EndedSessionsTable
{
    /// <summary>Records an end in the caller's transaction; a lower generation than the one recorded changes nothing.</summary>
    public static Task RecordAsync(UnitOfWork unit, Guid accountId, int generation, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        unit.ExecuteAsync("""
            insert into ended_sessions (account_id, generation, ended_at) values (@accountId, @generation, @endedAt)
            on conflict (account_id) do update set generation = excluded.generation, ended_at = excluded.ended_at
             where ended_sessions.generation < excluded.generation
            """, new { accountId, generation, endedAt }, cancellationToken);

    /// <summary>The ends since <paramref name="since"/> (older ones refuse only expired tokens).</summary>
    public static Task<IReadOnlyList<EndedSession>> SinceAsync(Database database, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.QueryAsync<EndedSession>(
            "select account_id, generation, ended_at from ended_sessions where ended_at >= @since", new { since }, cancellationToken);

    /// <summary>Copies the recorded ends into <paramref name="sessions"/> and forgets those before <paramref name="since"/>.</summary>
    public static async Task LoadAsync(Database database, EndedSessions sessions, DateTimeOffset since, CancellationToken cancellationToken)
    {
        foreach (var ended in await SinceAsync(database, since, cancellationToken))
            sessions.Record(ended.AccountId, ended.Generation, ended.EndedAt);
        sessions.ForgetBefore(since);
    }
}
