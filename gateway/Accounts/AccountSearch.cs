namespace Dispatch.Gateway.Accounts;

/// <summary>What the accounts list is narrowed to; every part is optional, and they all hold together.</summary>
internal sealed record AccountSearch(
    string? Role = null, Guid? DistrictId = null, Guid? StreetId = null, Guid? CommunityId = null, Guid? TeamId = null,
    string? Username = null, bool? Disabled = null);
