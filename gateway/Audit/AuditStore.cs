using Dapper;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Data;

namespace Dispatch.Gateway.Audit;

/// <summary>The audit trail's table: appended to by <see cref="AuditRecordedConsumer"/>, searched by the admin, trimmed by retention.</summary>
internal sealed class AuditStore(Database database)
{
    private const string Columns =
        "entry_id, at, service, action, account_id, username, role, client_address, trace_id, subject_type, subject_ids, detail";

    /// <summary>Appends the entry once (a redelivery finds it there).</summary>
    public static Task AppendAsync(UnitOfWork unit, AuditRecorded entry, CancellationToken cancellationToken) => unit.ExecuteAsync($"""
        insert into audit_entries ({Columns})
        values (@EntryId, @At, @Service, @Action, @AccountId, @Username, @Role, @ClientAddress, @TraceId, @SubjectType, @SubjectIds, @Detail)
        on conflict (entry_id) do nothing
        """,
        new
        {
            entry.EntryId, At = entry.At.ToUniversalTime(), entry.Service, entry.Action, entry.AccountId, entry.Username, entry.Role,
            entry.ClientAddress, entry.TraceId, entry.SubjectType, SubjectIds = entry.SubjectIds.ToArray(), entry.Detail,
        },
        cancellationToken);

    /// <summary>The entries <paramref name="search"/> asks for, the newest first.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Items, long Total)> SearchAsync(AuditSearch search, int limit, long offset, CancellationToken cancellationToken)
    {
        var parameters = Parameters(search);
        parameters.Add("Limit", limit);
        parameters.Add("Offset", offset);
        var items = await database.QueryAsync<AuditEntry>(
            $"select {Columns} from audit_entries where {Matches} order by at desc, entry_id desc limit @Limit offset @Offset",
            parameters, cancellationToken);
        var total = await database.QuerySingleAsync<long>($"select count(*) from audit_entries where {Matches}", parameters, cancellationToken);
        return (items, total);
    }

    /// <summary>Removes the entries stored longer ago than <paramref name="retention"/>, a batch at a time; how many went.</summary>
    public async Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        const int batchSize = 5000;
        var removed = 0;
        int batch;
        do
        {
            await using var unit = await database.BeginAsync(cancellationToken);
            batch = await unit.ExecuteAsync("""
                delete from audit_entries where entry_id in (
                    select entry_id from audit_entries where stored_at < now() - @Retention limit @BatchSize)
                """, new { Retention = retention, BatchSize = batchSize }, cancellationToken);
            await unit.CommitAsync(cancellationToken);
            removed += batch;
        }
        while (batch == batchSize);
        return removed;
    }

    // Each part of the search applies only when asked (PostgreSQL folds away the others when it plans the query).
    private const string Matches = """
        (cast(@From as timestamptz) is null or at >= @From)
        and (cast(@To as timestamptz) is null or at < @To)
        and (cast(@Action as text) is null or action = @Action)
        and (cast(@Username as text) is null or lower(username) = lower(@Username))
        and (cast(@Address as text) is null or starts_with(client_address, @Address))
        and (cast(@SubjectId as uuid) is null or subject_ids @> array[cast(@SubjectId as uuid)])
        and (cast(@TraceId as text) is null or trace_id = lower(@TraceId))
        """;

    private static DynamicParameters Parameters(AuditSearch search) => new(new
    {
        From = search.From?.ToUniversalTime(), To = search.To?.ToUniversalTime(), search.Action, search.Username, search.Address,
        search.SubjectId, search.TraceId,
    });
}
