namespace Dispatch.Testing.Processes;

/// <summary>A community of a <see cref="TestStreet"/> and its branch, signed in.</summary>
public sealed record StreetCommunity(Guid Id, string Name, string BranchUsername, GatewayClient Branch);
