using Dispatch.ServiceDefaults.Configuration;

namespace Dispatch.Matching;

/// <summary>What the matching service reads from configuration besides its options classes: its database and the broker.</summary>
public static class MatchingSettings
{
    public static ProcessSettings Declared { get; } = new(Database: "Matching", UsesBroker: true);
}
