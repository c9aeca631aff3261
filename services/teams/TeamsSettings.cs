using Dispatch.ServiceDefaults.Configuration;

namespace Dispatch.Teams;

/// <summary>What the teams service reads from configuration besides its options classes: its database and the broker.</summary>
public static class TeamsSettings
{
    public static ProcessSettings Declared { get; } = new(Database: "Teams", UsesBroker: true);
}
