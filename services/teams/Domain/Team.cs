using Dispatch.Contracts;

namespace Dispatch.Teams.Domain;

/// <summary>
/// A row of <c>teams</c>: the service list, the leader's contact, the incubation status and (read with it) the
/// track record and the id of the change it proposed that waits for its coordinator.
/// </summary>
internal sealed record Team
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

    /// <summary>How far the team may raise its own capacity; set by its coordinator.</summary>
    public int CapacityCeiling { get; init; }
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
    public Guid? PendingChangeId { get; init; }

    // The track record, read with a left join (zeros before the first event).
    public int OrdersClaimed { get; init; }
    public int OrdersCompleted { get; init; }
    public int OrdersReleased { get; init; }
    public decimal ServiceHours { get; init; }
    public int VolunteersEngaged { get; init; }
    public int RatingsCount { get; init; }
    public int RatingsSum { get; init; }
    public int OrdersReassigned { get; init; }
    public int OrdersAutoReleased { get; init; }
    public int OrdersTransferred { get; init; }
    public int ResidentRatingsCount { get; init; }
    public int ResidentRatingsSum { get; init; }

    /// <summary>This team with the fields <paramref name="change"/> sets laid over its own.</summary>
    public Team With(ProfileFields change) => this with
    {
        Name = change.Name ?? Name,
        Kind = change.Kind ?? Kind,
        Categories = change.Categories ?? Categories,
        Skills = change.Skills ?? Skills,
        ServiceArea = change.ServiceArea ?? ServiceArea,
        Capacity = change.Capacity ?? Capacity,
        CapacityCeiling = change.CapacityCeiling ?? CapacityCeiling,
        Availability = change.Availability ?? Availability,
        MembersCount = change.MembersCount ?? MembersCount,
        LeaderName = change.LeaderName ?? LeaderName,
        LeaderPhone = change.LeaderPhone ?? LeaderPhone,
    };

    public TrackRecord TrackRecord => new(OrdersClaimed, OrdersCompleted, OrdersReleased, ServiceHours, VolunteersEngaged, RatingsCount, RatingsSum, OrdersReassigned, OrdersAutoReleased, OrdersTransferred,
        ResidentRatingsCount, ResidentRatingsSum);

    /// <summary>What the events tell other services: everything but the leader's contact.</summary>
    public TeamProfile ToProfile() => new(Id, Name, Kind, CommunityId, StreetId, DistrictId, Categories, Skills,
        ServiceArea, Capacity, MembersCount, Status, HatchedAt, Version);
}
