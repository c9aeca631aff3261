namespace Dispatch.Teams.Domain;

/// <summary>How far from its own community a team will go to serve.</summary>
internal static class ServiceAreas
{
    public const string Community = "community";
    public const string Street = "street";
    public const string District = "district";

    public static IReadOnlyList<string> All { get; } = [Community, Street, District];
}
