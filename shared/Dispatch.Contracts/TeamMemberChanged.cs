namespace Dispatch.Contracts;

/// <summary>
/// A member joined a team's member list or their record changed (they left, say): the whole public side of the
/// membership and its version; never the member's name or phone.
/// </summary>
public sealed record TeamMemberChanged(Guid MemberId, Guid TeamId, DateOnly JoinedOn, DateOnly? LeftOn, long Version, DateTimeOffset ChangedAt);
