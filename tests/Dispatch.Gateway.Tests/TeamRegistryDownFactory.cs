namespace Dispatch.Gateway.Tests;

/// <summary>The gateway with nothing listening where the team registry should be.</summary>
public sealed class TeamRegistryDownFactory : GatewayFactory
{
    protected override Uri TeamRegistry => DeadAddress;
}
