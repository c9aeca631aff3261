using Dispatch.ServiceDefaults.Auth;

namespace Dispatch.Testing;

/// <summary>Mints tokens the way the gateway does, with the key the test services are configured with.</summary>
public static class TestTokens
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";

    public static AuthOptions Options { get; } = new() { SigningKeys = SigningKey };

    public static string For(Caller caller) => new TokenWriter(Options, TimeProvider.System).Write(caller).Token;

    public static string Admin() => For(new Caller(Guid.NewGuid(), "admin", Roles.Admin, null, null, null, null));

    public static string Coordinator(Guid streetId, Guid districtId) =>
        For(new Caller(Guid.NewGuid(), "coordinator", Roles.Coordinator, null, streetId, districtId, null));

    public static string Branch(Guid communityId, Guid streetId, Guid districtId) =>
        For(new Caller(Guid.NewGuid(), "branch", Roles.Branch, communityId, streetId, districtId, null));

    public static string Team(Guid teamId, Guid communityId, Guid streetId, Guid districtId) =>
        For(new Caller(Guid.NewGuid(), "team", Roles.Team, communityId, streetId, districtId, teamId));
}
