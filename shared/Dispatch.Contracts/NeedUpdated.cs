namespace Dispatch.Contracts;

/// <summary>
/// A need's public description changed. Never a resident's contact name, phone or address: those stay in the needs
/// database.
/// </summary>
public sealed record NeedUpdated(
    Guid NeedId,
    string Title,
    string Category,
    IReadOnlyList<string> Skills,
    int VolunteersNeeded,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset UpdatedAt);
