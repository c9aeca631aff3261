namespace Dispatch.Needs.Data;

/// <summary>A row of <c>communities</c>: what the public request page says of the community it serves.</summary>
internal sealed class Community
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string BranchName { get; init; } = "";
    public Guid StreetId { get; init; }
    public string StreetName { get; init; } = "";
    public Guid DistrictId { get; init; }
}
