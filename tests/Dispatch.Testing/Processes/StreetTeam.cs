namespace Dispatch.Testing.Processes;

/// <summary>A team of a <see cref="TestStreet"/> and its account, signed in.</summary>
public sealed record StreetTeam(Guid Id, string Name, string Username, GatewayClient Client);
