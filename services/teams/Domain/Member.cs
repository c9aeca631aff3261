using Dispatch.Contracts;

namespace Dispatch.Teams.Domain;

/// <summary>A row of <c>members</c>: one volunteer of a team, with their current hours (read with it from the ledger).</summary>
internal sealed class Member
{
    public Guid Id { get; init; }
    public Guid TeamId { get; init; }
    public string Name { get; init; } = "";
    public string? Phone { get; init; }
    public string[] Skills { get; init; } = [];
    public DateOnly JoinedOn { get; init; }
    public DateOnly? LeftOn { get; init; }
    public long Version { get; init; }
    public string RecordedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The sum of the member's current service records.</summary>
    public decimal ServiceHours { get; init; }

    /// <summary>What other services may know of the membership: never the name or phone.</summary>
    public TeamMemberChanged ToChanged(DateTimeOffset at) => new(Id, TeamId, JoinedOn, LeftOn, Version, at);
}
