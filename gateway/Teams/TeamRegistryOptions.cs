using Dispatch.ServiceDefaults.Configuration;

namespace Dispatch.Gateway.Teams;

/// <summary><c>Services__Teams</c>: where the gateway asks the team registry about places and teams when it creates accounts.</summary>
internal sealed class TeamRegistryOptions
{
    public const string SectionName = "Services";

    /// <summary>The default is run.sh's teams service on this machine.</summary>
    [RequiredSetting]
    public Uri Teams { get; set; } = new("http://127.0.0.1:5102");
}
