namespace Dispatch.Gateway.Apis;

public sealed record CreateAccountRequest(string? Username, string? Password, string? Role, Guid? CommunityId, Guid? TeamId, Guid? StreetId);
