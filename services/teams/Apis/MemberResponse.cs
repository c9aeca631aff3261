namespace Dispatch.Teams.Apis;

/// <summary>A member as the API shows them; <see cref="Phone"/> is null for callers who may not read it.</summary>
internal sealed record MemberResponse(
    Guid Id,
    Guid TeamId,
    string Name,
    string? Phone,
    IReadOnlyList<string> Skills,
    DateOnly JoinedOn,
    DateOnly? LeftOn,
    decimal ServiceHours,
    long Version,
    DateTimeOffset CreatedAt);
