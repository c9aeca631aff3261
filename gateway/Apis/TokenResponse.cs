namespace Dispatch.Gateway.Apis;

/// <summary>
/// A signed-in session. With <see cref="MustChangePassword"/> the token opens only <c>POST /api/auth/password</c>:
/// the account signed in with a one-time password and must choose its own first.
/// </summary>
public sealed record TokenResponse(
    string AccessToken, string TokenType, int ExpiresIn, string Role,
    Guid? CommunityId, Guid? TeamId, Guid? StreetId, Guid? DistrictId, bool MustChangePassword);
