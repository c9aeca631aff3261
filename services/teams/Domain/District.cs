namespace Dispatch.Teams.Domain;

/// <summary>A row of <c>districts</c> (区 / 县).</summary>
internal sealed class District
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
}
