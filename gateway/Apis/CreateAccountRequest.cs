namespace Dispatch.Gateway.Apis;

/// <summary>
/// A new account. Without <see cref="Password"/> it gets a one-time password, shown once in the answer, that it must
/// replace at its first sign-in. A password the creator chooses (provisioning scripts, the demo street) must pass the
/// password policy and is kept unless <see cref="MustChangePassword"/> says otherwise. Without <see cref="Username"/>
/// one is made from the role and the bound place or team.
/// </summary>
public sealed record CreateAccountRequest(
    string? Username, string? Password, string? Role, Guid? CommunityId, Guid? TeamId, Guid? StreetId, bool? MustChangePassword = null);
