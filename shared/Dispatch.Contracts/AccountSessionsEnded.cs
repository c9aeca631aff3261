namespace Dispatch.Contracts;

/// <summary>
/// An account's sessions ended (it was disabled, or its password changed or was reset): every service refuses
/// the account's tokens whose session generation is below <paramref name="SessionGeneration"/>.
/// </summary>
public sealed record AccountSessionsEnded(Guid AccountId, int SessionGeneration, DateTimeOffset EndedAt, string Reason);
