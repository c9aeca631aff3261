using Dispatch.ServiceDefaults.Configuration;

namespace Dispatch.Needs;

/// <summary>What the needs service reads from configuration besides its options classes: its database and the broker.</summary>
public static class NeedsSettings
{
    public static ProcessSettings Declared { get; } = new(Database: "Needs", UsesBroker: true);
}
