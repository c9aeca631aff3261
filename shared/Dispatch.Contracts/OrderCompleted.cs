namespace Dispatch.Contracts;

/// <summary>
/// The team reported the service done: hours, volunteers and a summary. <c>Version</c> as in
/// <see cref="OrderClaimed"/>.
/// </summary>
public sealed record OrderCompleted(
    Guid NeedId,
    Guid TeamId,
    decimal ServiceHours,
    int VolunteersCount,
    string Summary,
    DateTimeOffset CompletedAt,
    long Version);
