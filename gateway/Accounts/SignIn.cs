using Dispatch.Contracts;
using Dispatch.ServiceDefaults.Audit;
namespace Dispatch.Gateway.Accounts;

/// <summary>
/// Checks a username and password within the limits on failed sign-ins (<see cref="SignInAttempts"/>): the same steps
/// and answers whether the username exists or not.
/// </summary>
internal sealed class SignIn(AccountStore store, Passwords passwords, SignInAttempts attempts, AuditTrail audit, TimeProvider clock)
{
    public async Task<SignInOutcome> TryAsync(string username, string password, string address, CancellationToken cancellationToken)
    {
        var key = username.ToLowerInvariant();
        var now = clock.GetUtcNow();
        if (await attempts.BeginAsync(key, address, now, cancellationToken) is { } wait)
        {
            await audit.RecordAsync(AuditActions.SignInLocked, AuditSubject.Account(null), $"locked for {wait.TotalSeconds:0} s",
                cancellationToken, new AuditActor(null, username, null));
            return new SignInOutcome(null, wait);
        }

        var account = await store.FindAsync(username, cancellationToken);
        if (!passwords.Verify(account?.PasswordHash, password) || account is null)
        {
            await attempts.FailedAsync(key, address, now, cancellationToken);
            // The name as typed, whether an account has it or not; the entry says nothing of the password tried.
            await audit.RecordAsync(AuditActions.SignInFailed, AuditSubject.Account(account?.Id), "wrong username or password",
                cancellationToken, new AuditActor(account?.Id, username, account?.Role));
            return SignInOutcome.Rejected;
        }
        await attempts.SucceededAsync(key, address, now, cancellationToken);
        return new SignInOutcome(account, null);
    }
}
