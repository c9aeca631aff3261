namespace Dispatch.Teams.Apis;

/// <summary>
/// One row of a member's service-hours ledger. <see cref="CorrectsId"/> and <see cref="Reason"/> say what a correction
/// replaces and why; <see cref="CorrectedById"/> names the correction that replaced this row; only current rows count.
/// </summary>
internal sealed record ServiceRecordResponse(
    Guid Id,
    Guid MemberId,
    Guid TeamId,
    string TeamName,
    Guid NeedId,
    DateOnly ServedOn,
    string Category,
    string CategoryName,
    Guid CommunityId,
    string? CommunityName,
    decimal Hours,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    Guid? CorrectsId,
    string? Reason,
    Guid? CorrectedById,
    bool Current);
