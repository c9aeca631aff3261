using Dispatch.Gateway.Edge;
using Dispatch.ServiceDefaults.Data;
using Microsoft.Extensions.Options;

namespace Dispatch.Gateway.Accounts;

/// <summary>
/// The limits on failed sign-ins (<see cref="SignInLimitsOptions"/>) in the identity database, so every gateway
/// replica counts the same failures. Keyed by the username as typed, whether or not such an account exists: the
/// answers for a real and an invented username are the same.
/// </summary>
internal sealed class SignInAttempts(Database database, IOptionsMonitor<RateLimitingOptions> options)
{
    // A pair that has not failed for this long, and never succeeded, forgets its failures.
    private static readonly TimeSpan PairMemory = TimeSpan.FromDays(1);

    /// <summary>
    /// Null when the attempt may check its password, counted as a failure in advance (so parallel guesses cannot all
    /// slip past the lock); otherwise how long the caller must wait.
    /// </summary>
    public async Task<TimeSpan?> BeginAsync(string username, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limits = options.CurrentValue.SignIn;
        var pair = await database.QuerySingleOrDefaultAsync<SignInPair>("""
            select locked_until, last_success_at from sign_in_pairs where username = @username and address = @address
            """, new { username, address }, cancellationToken);
        if (pair?.LockedUntil is { } lockedUntil && lockedUntil > now)
            return lockedUntil - now;

        var knownAddress = pair?.LastSuccessAt is { } success && success > now - limits.KnownAddressPeriod;
        if (!knownAddress)
        {
            var recent = await database.QuerySingleAsync<RecentFailures>("""
                select (select count(*)::int from sign_in_failures where address = @address and failed_at > @since) as address_failures,
                       (select count(*)::int from sign_in_failures where username = @username and failed_at > @since) as username_failures
                """, new { username, address, since = now - limits.FailureWindow }, cancellationToken);
            if (recent.AddressFailures >= limits.AddressFailureLimit || recent.UsernameFailures >= limits.UsernameFailureLimit)
                return limits.FailureWindow;
        }

        var counted = await database.QuerySingleOrDefaultAsync<int?>("""
            insert into sign_in_pairs as p (username, address, failures, last_failure_at, locked_until)
            values (@username, @address, 1, @now, case when 1 >= @free then @now + @first end)
            on conflict (username, address) do update
               set failures = p.failures + 1,
                   last_failure_at = @now,
                   locked_until = case when p.failures + 1 >= @free
                                       then @now + least(@max, @first * power(2, least(p.failures + 1 - @free, 20)))
                                       else p.locked_until end
             where p.locked_until is null or p.locked_until <= @now
            returning p.failures
            """, new { username, address, now, free = limits.FreeFailures, first = limits.FirstLockout, max = limits.MaxLockout }, cancellationToken);
        if (counted is not null)
            return null;
        // A parallel attempt locked the pair between the two statements.
        var locked = await database.QuerySingleAsync<DateTimeOffset?>(
            "select locked_until from sign_in_pairs where username = @username and address = @address", new { username, address }, cancellationToken);
        return locked is { } until && until > now ? until - now : limits.FirstLockout;
    }

    /// <summary>The password matched: the pair's failures are forgiven and the address is known to the account.</summary>
    public async Task SucceededAsync(string username, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var unit = await database.BeginAsync(cancellationToken);
        await unit.ExecuteAsync("""
            update sign_in_pairs set failures = 0, locked_until = null, last_success_at = @now
             where username = @username and address = @address
            """, new { username, address, now }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    /// <summary>The password did not match: one more failure for the address's and the username's windows.</summary>
    public async Task FailedAsync(string username, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limits = options.CurrentValue.SignIn;
        await using var unit = await database.BeginAsync(cancellationToken);
        await unit.ExecuteAsync("""
            insert into sign_in_failures (username, address, failed_at) values (@username, @address, @now);
            delete from sign_in_failures where failed_at < @windowStart;
            delete from sign_in_pairs
             where last_success_at is null and last_failure_at < @idleBefore and (locked_until is null or locked_until < @now);
            """, new { username, address, now, windowStart = now - limits.FailureWindow, idleBefore = now - PairMemory }, cancellationToken);
        await unit.CommitAsync(cancellationToken);
    }

    private sealed class SignInPair
    {
        public DateTimeOffset? LockedUntil { get; init; }
        public DateTimeOffset? LastSuccessAt { get; init; }
    }

    private sealed class RecentFailures
    {
        public int AddressFailures { get; init; }
        public int UsernameFailures { get; init; }
    }
}
