namespace Dispatch.ServiceDefaults.Auth;

/// <summary>Claim names the gateway writes into a token and every service reads back.</summary>
public static class DispatchClaims
{
    public const string Subject = "sub";
    public const string Username = "name";
    public const string Role = "role";
    public const string CommunityId = "community_id";
    public const string StreetId = "street_id";
    public const string DistrictId = "district_id";
    public const string TeamId = "team_id";

    /// <summary>The account's session generation when the token was issued; ending its sessions raises it.</summary>
    public const string SessionGeneration = "sgen";
}
