namespace Dispatch.Gateway.Accounts;

/// <summary>What a sign-in attempt came to: the account when the password matched, or when it is locked, until when.</summary>
internal sealed record SignInOutcome(Account? Account, DateTimeOffset? LockedUntil)
{
    public static SignInOutcome Rejected { get; } = new(null, null);
}
