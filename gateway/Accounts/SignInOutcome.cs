namespace Dispatch.Gateway.Accounts;

/// <summary>What a sign-in attempt came to: the account when its password matched, or how long to wait when limited.</summary>
internal sealed record SignInOutcome(Account? Account, TimeSpan? RetryAfter)
{
    public static SignInOutcome Rejected { get; } = new(null, null);
}
