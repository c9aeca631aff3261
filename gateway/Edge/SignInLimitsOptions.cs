namespace Dispatch.Gateway.Edge;

/// <summary>
/// Limits on failed sign-ins; successful ones are never limited here, so a whole matching meeting can sign in from
/// one venue's address. A (username, address) pair is locked after <see cref="FreeFailures"/> failures in a row, for
/// <see cref="FirstLockout"/>, doubling with each further failure up to <see cref="MaxLockout"/>. Over
/// <see cref="FailureWindow"/>, an address may fail <see cref="AddressFailureLimit"/> times (whatever the usernames) and
/// a username <see cref="UsernameFailureLimit"/> times (whatever the addresses) before further attempts are refused,
/// except from an address where that account signed in within <see cref="KnownAddressPeriod"/>: a stranger can lock
/// only its own pair, never the account's owner out of where it signs in.
/// </summary>
internal sealed class SignInLimitsOptions
{
    public int FreeFailures { get; set; } = 5;
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
    public int AddressFailureLimit { get; set; } = 100;
    public int UsernameFailureLimit { get; set; } = 30;
    public TimeSpan KnownAddressPeriod { get; set; } = TimeSpan.FromDays(30);
}
