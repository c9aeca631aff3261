namespace Dispatch.Gateway.Accounts;

/// <summary>Checks a username and password, counting failures: five in a row lock the account for five minutes.</summary>
internal sealed class SignIn(AccountStore store, Passwords passwords, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(5);

    public async Task<SignInOutcome> TryAsync(string username, string password, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(username, cancellationToken);
        var now = clock.GetUtcNow();
        if (account?.LockedUntil is { } lockedUntil && lockedUntil > now)
            return new SignInOutcome(null, lockedUntil);

        if (!passwords.Verify(account?.PasswordHash, password) || account is null)
        {
            if (account is null)
                return SignInOutcome.Rejected;
            var until = now + LockDuration;
            var lockedNow = await store.RecordFailureAsync(account.Id, MaxFailures, until, cancellationToken);
            return lockedNow ? new SignInOutcome(null, until) : SignInOutcome.Rejected;
        }

        if (account.FailedLogins > 0 || account.LockedUntil is not null)
            await store.RecordSuccessAsync(account.Id, cancellationToken);
        return new SignInOutcome(account, null);
    }
}
