namespace Dispatch.Teams.Domain;

/// <summary>A row of <c>streets</c> (街道 / 镇) with its district's name.</summary>
internal sealed class Street
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid DistrictId { get; init; }
    public string DistrictName { get; init; } = "";
}
