using Dapper;
using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Audit;
using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Data;
using Dispatch.ServiceDefaults.Http;
using Npgsql;

namespace Dispatch.Gateway.Accounts;

/// <summary>
/// The <c>accounts</c> table. Whatever ends an account's sessions (disabling it, changing or resetting its password)
/// raises its session generation, records the end in <c>ended_sessions</c> and puts <see cref="AccountSessionsEnded"/>
/// in the outbox, all in one transaction: the gateway refuses the older tokens from the commit on, and every service
/// as soon as the event reaches it.
/// </summary>
internal sealed class AccountStore(Database database, EndedSessions endedSessions, AuditTrail audit)
{
    private const string Columns = """
        id, username, password_hash, role, community_id, street_id, district_id, team_id, created_at,
        disabled_at, must_change_password, password_changed_at, session_generation, bootstrap_password_hash
        """;

    public Task<Account?> FindAsync(string username, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<Account>(
            $"select {Columns} from accounts where username = @username", new { username }, cancellationToken);

    public Task<Account?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<Account>($"select {Columns} from accounts where id = @id", new { id }, cancellationToken);

    /// <summary>Inserts the account; false when the username is taken.</summary>
    public async Task<bool> TryInsertAsync(Account account, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        try
        {
            await unit.ExecuteAsync("""
                insert into accounts (id, username, password_hash, role, community_id, street_id, district_id, team_id, created_at, must_change_password)
                values (@Id, @Username, @PasswordHash, @Role, @CommunityId, @StreetId, @DistrictId, @TeamId, @CreatedAt, @MustChangePassword)
                """, account, cancellationToken);
            await audit.RecordAsync(unit, AuditActions.AccountCreated, AuditSubject.Account(account.Id),
                $"{account.Username} as {account.Role}", cancellationToken);
            await unit.CommitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>
    /// Sets a new password hash and ends the account's sessions; <paramref name="mustChange"/> when someone else set it
    /// (a one-time password). The account as it is now, or null when there is none.
    /// </summary>
    public Task<Account?> SetPasswordAsync(Guid id, string passwordHash, bool mustChange, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        EndSessionsAsync($"""
            update accounts set password_hash = @passwordHash, must_change_password = @mustChange, password_changed_at = @now,
                                session_generation = session_generation + 1
             where id = @id
            returning {Columns}
            """, new { id, passwordHash, mustChange, now }, reason, now, cancellationToken);

    /// <summary>Disables the account and ends its sessions; null when there is none. An account already disabled stays as it was.</summary>
    public async Task<Account?> DisableAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken) =>
        await EndSessionsAsync($"""
            update accounts set disabled_at = @now, session_generation = session_generation + 1
             where id = @id and disabled_at is null
            returning {Columns}
            """, new { id, now }, "disabled", now, cancellationToken)
        ?? await FindAsync(id, cancellationToken);

    public async Task SetBootstrapPasswordAsync(Guid id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        await unit.ExecuteAsync("update accounts set bootstrap_password_hash = @passwordHash where id = @id", new { id, passwordHash }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    public async Task<Account?> EnableAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var enabled = await unit.QuerySingleOrDefaultAsync<Account>(
            $"update accounts set disabled_at = null where id = @id and disabled_at is not null returning {Columns}", new { id }, cancellationToken);
        if (enabled is null)
            return await FindAsync(id, cancellationToken);
        await audit.RecordAsync(unit, AuditActions.AccountEnabled, AuditSubject.Account(id), enabled.Username, cancellationToken);
        await unit.CommitAsync(cancellationToken);
        return enabled;
    }

    public async Task<(IReadOnlyList<Account> Items, int Total)> SearchAsync(AccountSearch search, Paging paging, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            search.Role, search.DistrictId, search.StreetId, search.CommunityId, search.TeamId, search.Disabled,
            username = search.Username is { } text ? $"%{EscapeLike(text)}%" : null,
            limit = paging.Size,
            offset = paging.Offset,
        };
        const string Filter = """
            (@Role::text is null or role = @Role)
            and (@DistrictId::uuid is null or district_id = @DistrictId)
            and (@StreetId::uuid is null or street_id = @StreetId)
            and (@CommunityId::uuid is null or community_id = @CommunityId)
            and (@TeamId::uuid is null or team_id = @TeamId)
            and (@username::text is null or username ilike @username)
            and (@Disabled::boolean is null or (disabled_at is not null) = @Disabled)
            """;
        var items = await database.QueryAsync<Account>(
            $"select {Columns} from accounts where {Filter} order by created_at, username limit @limit offset @offset", parameters, cancellationToken);
        var total = await database.QuerySingleAsync<int>($"select count(*)::int from accounts where {Filter}", parameters, cancellationToken);
        return (items, total);
    }

    private async Task<Account?> EndSessionsAsync(string update, object parameters, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        var account = await unit.QuerySingleOrDefaultAsync<Account>(update, parameters, cancellationToken);
        if (account is null)
            return null;
        await EndedSessionsTable.RecordAsync(unit, account.Id, account.SessionGeneration, now, cancellationToken);
        await unit.PublishAsync(new AccountSessionsEnded(account.Id, account.SessionGeneration, now, reason), cancellationToken);
        var action = reason switch
        {
            "password_changed" => AuditActions.PasswordChanged,
            "password_reset" => AuditActions.PasswordReset,
            _ => AuditActions.AccountDisabled,
        };
        await audit.RecordAsync(unit, action, AuditSubject.Account(account.Id), $"{account.Username}; its sessions ended", cancellationToken);
        await unit.CommitAsync(cancellationToken);
        endedSessions.Record(account.Id, account.SessionGeneration, now);
        return account;
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
