namespace Dispatch.Contracts;

/// <summary>
/// The holding team reported the service done: hours, volunteers and a summary; the totals are the sum of
/// <see cref="Attendance"/> when the team named who served. <c>Version</c> as in <see cref="OrderClaimed"/>. The fields
/// after it came later: events written before them (still in an outbox or a queue during an upgrade) arrive without
/// them, so they are optional.
/// </summary>
public sealed record OrderCompleted(
    Guid NeedId,
    Guid TeamId,
    decimal ServiceHours,
    int VolunteersCount,
    string Summary,
    DateTimeOffset CompletedAt,
    long Version,
    IReadOnlyList<Attendance>? Attendance = null,
    string? Category = null,
    Guid? CommunityId = null,
    DateOnly? ServedOn = null,
    string? RecordedBy = null);
