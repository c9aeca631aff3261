using Dapper;
using Dispatch.ServiceDefaults.Data;
using Npgsql;

namespace Dispatch.Gateway.Accounts;

internal sealed class AccountStore(Database database)
{
    private const string Columns = """
        id, username, password_hash, role, community_id, street_id, district_id, team_id,
        failed_logins, locked_until, created_at
        """;

    public Task<Account?> FindAsync(string username, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<Account>(
            $"select {Columns} from accounts where username = @username", new { username }, cancellationToken);

    /// <summary>Inserts the account; false when the username is taken.</summary>
    public async Task<bool> TryInsertAsync(Account account, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        try
        {
            await unit.ExecuteAsync("""
                insert into accounts (id, username, password_hash, role, community_id, street_id, district_id, team_id, created_at)
                values (@Id, @Username, @PasswordHash, @Role, @CommunityId, @StreetId, @DistrictId, @TeamId, @CreatedAt)
                """, account, cancellationToken);
            await unit.CommitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    public async Task SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            update accounts set password_hash = @passwordHash, failed_logins = 0, locked_until = null where id = @id
            """, new { id, passwordHash }, cancellationToken: cancellationToken));
    }

    public async Task RecordSuccessAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update accounts set failed_logins = 0, locked_until = null where id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Counts a failed sign-in in one statement (so parallel guesses all count) and locks the account
    /// until <paramref name="lockUntil"/> once it reaches <paramref name="maxFailures"/>; true when this failure locked it.
    /// </summary>
    public async Task<bool> RecordFailureAsync(Guid id, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<bool>(new CommandDefinition("""
            update accounts
               set failed_logins = case when failed_logins + 1 >= @maxFailures then 0 else failed_logins + 1 end,
                   locked_until  = case when failed_logins + 1 >= @maxFailures then @lockUntil else locked_until end
             where id = @id
            returning failed_logins = 0
            """, new { id, maxFailures, lockUntil = lockUntil.UtcDateTime }, cancellationToken: cancellationToken));
    }

    public async Task<(IReadOnlyList<Account> Items, int Total)> ListAsync(string? role, Guid? streetId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var parameters = new { role, streetId, limit = pageSize, offset = (page - 1) * pageSize };
        const string Filter = "(@role::text is null or role = @role) and (@streetId::uuid is null or street_id = @streetId)";
        var items = await database.QueryAsync<Account>(
            $"select {Columns} from accounts where {Filter} order by created_at, username limit @limit offset @offset", parameters, cancellationToken);
        var total = await database.QuerySingleAsync<int>($"select count(*)::int from accounts where {Filter}", parameters, cancellationToken);
        return (items, total);
    }
}
