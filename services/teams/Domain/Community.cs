using Dispatch.Contracts;

namespace Dispatch.Teams.Domain;

/// <summary>A row of <c>communities</c> (社区 / 村) with the names of its street and district.</summary>
internal sealed class Community
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string BranchName { get; init; } = "";
    public Guid StreetId { get; init; }
    public string StreetName { get; init; } = "";
    public Guid DistrictId { get; init; }
    public string DistrictName { get; init; } = "";

    public CommunityRegistered ToRegistered() => new(Id, Name, BranchName, StreetId, StreetName, DistrictId, DistrictName);
}
