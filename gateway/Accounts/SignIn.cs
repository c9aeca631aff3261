namespace Dispatch.Gateway.Accounts;

/// <summary>
/// Checks a username and password within the limits on failed sign-ins (<see cref="SignInAttempts"/>): the same steps
/// and answers whether the username exists or not.
/// </summary>
internal sealed class SignIn(AccountStore store, Passwords passwords, SignInAttempts attempts, TimeProvider clock)
{
    public async Task<SignInOutcome> TryAsync(string username, string password, string address, CancellationToken cancellationToken)
    {
        var key = username.ToLowerInvariant();
        var now = clock.GetUtcNow();
        if (await attempts.BeginAsync(key, address, now, cancellationToken) is { } wait)
            return new SignInOutcome(null, wait);

        var account = await store.FindAsync(username, cancellationToken);
        if (!passwords.Verify(account?.PasswordHash, password) || account is null)
        {
            await attempts.FailedAsync(key, address, now, cancellationToken);
            return SignInOutcome.Rejected;
        }
        await attempts.SucceededAsync(key, address, now, cancellationToken);
        return new SignInOutcome(account, null);
    }
}
