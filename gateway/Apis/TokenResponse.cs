namespace Dispatch.Gateway.Apis;

public sealed record TokenResponse(
    string AccessToken, string TokenType, int ExpiresIn, string Role,
    Guid? CommunityId, Guid? TeamId, Guid? StreetId, Guid? DistrictId);
