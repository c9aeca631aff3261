namespace Dispatch.Matching.Domain;

/// <summary>A row of the <c>teams</c> read model: the team registry's public profile plus matching's own counters.</summary>
internal sealed class Team
{
    public const string Hatched = "hatched";

    public Guid TeamId { get; init; }
    public string Name { get; init; } = "";
    public Guid CommunityId { get; init; }
    public Guid StreetId { get; init; }
    public Guid DistrictId { get; init; }
    public string[] Categories { get; init; } = [];
    public string[] Skills { get; init; } = [];
    public string ServiceArea { get; init; } = "community";
    public int Capacity { get; init; }
    public string Status { get; init; } = "";
    public int OpenOrders { get; init; }
    public int CompletedOrders { get; init; }
    public int ReleasedOrders { get; init; }
    public int RatingSum { get; init; }
    public int RatingCount { get; init; }
    public DateTimeOffset? HatchedAt { get; init; }

    public bool IsHatched => Status == Hatched;
    public bool IsFull => OpenOrders >= Capacity;
}
