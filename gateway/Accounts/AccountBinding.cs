namespace Dispatch.Gateway.Accounts;

/// <summary>The place (and team) an account is bound to, as its token will carry it, and that place's or team's name.</summary>
internal sealed record AccountBinding(Guid? CommunityId, Guid? StreetId, Guid? DistrictId, Guid? TeamId, string? Name)
{
    public static AccountBinding None { get; } = new(null, null, null, null, null);
}
