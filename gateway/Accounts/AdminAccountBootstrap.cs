using Dispatch.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace Dispatch.Gateway.Accounts;

/// <summary>
/// Makes sure the <c>admin</c> account exists with the password of <c>Dispatch:AdminPassword</c> (<see cref="AdminAccountOptions"/>),
/// so a fresh installation can be signed into, and a forgotten password is recovered by restarting with a new one. A password
/// the admin chose itself since stays: the configured one is applied again only when it changed (its hash as last
/// applied is kept beside the account). Registered after the database's migrator, so the table exists when it runs.
/// </summary>
internal sealed class AdminAccountBootstrap(
    AccountStore store, Passwords passwords, IOptions<AdminAccountOptions> options, TimeProvider clock, ILogger<AdminAccountBootstrap> logger) : IHostedService
{
    public const string Username = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var password = options.Value.AdminPassword;
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Dispatch:AdminPassword is not set (env Dispatch__AdminPassword): no admin account was created or changed.");
            return;
        }

        var existing = await store.FindAsync(Username, cancellationToken);
        if (existing is null)
        {
            var account = new Account
            {
                Id = Guid.CreateVersion7(),
                Username = Username,
                PasswordHash = passwords.Hash(password),
                Role = Roles.Admin,
                CreatedAt = clock.GetUtcNow(),
            };
            // Another replica starting at the same moment may win; its row has the same password.
            if (await store.TryInsertAsync(account, cancellationToken))
            {
                await store.SetBootstrapPasswordAsync(account.Id, account.PasswordHash, cancellationToken);
                logger.LogInformation("Created the admin account.");
            }
            return;
        }

        var applied = existing.BootstrapPasswordHash ?? existing.PasswordHash;
        if (passwords.Verify(applied, password))
        {
            if (existing.BootstrapPasswordHash is null)
                await store.SetBootstrapPasswordAsync(existing.Id, existing.PasswordHash, cancellationToken);
            return;
        }
        var hash = passwords.Hash(password);
        await store.SetPasswordAsync(existing.Id, hash, mustChange: false, "password_reset", clock.GetUtcNow(), cancellationToken);
        await store.SetBootstrapPasswordAsync(existing.Id, hash, cancellationToken);
        logger.LogInformation("Reset the admin account's password to the newly configured one.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
