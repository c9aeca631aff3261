using Dispatch.Contracts;

namespace Dispatch.Teams.Domain;

/// <summary>A row of <c>teams</c>: the service list, the leader's contact, the incubation status and (read with it) the track record.</summary>
internal sealed class Team
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = TeamKinds.VolunteerTeam;
    public Guid CommunityId { get; init; }
    public Guid StreetId { get; init; }
    public Guid DistrictId { get; init; }
    public string[] Categories { get; init; } = [];
    public string[] Skills { get; init; } = [];
    public string ServiceArea { get; init; } = ServiceAreas.Community;
    public int Capacity { get; init; }
    public string[] Availability { get; init; } = [];
    public int MembersCount { get; init; }
    public string LeaderName { get; init; } = "";
    public string LeaderPhone { get; init; } = "";
    public string? Mentor { get; init; }
    public string Status { get; init; } = TeamLifecycle.Initial;
    public DateTimeOffset? HatchedAt { get; init; }
    public DateTimeOffset? SuspendedAt { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    // The track record, read with a left join (zeros before the first event).
    public int OrdersClaimed { get; init; }
    public int OrdersCompleted { get; init; }
    public int OrdersReleased { get; init; }
    public decimal ServiceHours { get; init; }
    public int VolunteersEngaged { get; init; }
    public int RatingsCount { get; init; }
    public int RatingsSum { get; init; }

    public TrackRecord TrackRecord => new(OrdersClaimed, OrdersCompleted, OrdersReleased, ServiceHours, VolunteersEngaged, RatingsCount, RatingsSum);

    /// <summary>What the events tell other services: everything but the leader's contact.</summary>
    public TeamProfile ToProfile() => new(Id, Name, Kind, CommunityId, StreetId, DistrictId, Categories, Skills,
        ServiceArea, Capacity, MembersCount, Status, HatchedAt, Version);
}
