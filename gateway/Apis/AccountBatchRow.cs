namespace Dispatch.Gateway.Apis;

/// <summary>One account of a batch: as <see cref="CreateAccountRequest"/> without a password.</summary>
public sealed record AccountBatchRow(string? Username, string? Role, Guid? CommunityId, Guid? TeamId, Guid? StreetId);
