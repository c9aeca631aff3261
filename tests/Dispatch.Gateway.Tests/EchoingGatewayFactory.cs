namespace Dispatch.Gateway.Tests;

/// <summary>The gateway with every cluster (needs, teams, matching) pointed at <see cref="FakeServices"/>, which echoes each request.</summary>
public sealed class EchoingGatewayFactory : GatewayFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        .. base.ExtraSettings,
        ("ReverseProxy:Clusters:teams:Destinations:d1:Address", Fakes.Address.ToString()),
        ("ReverseProxy:Clusters:matching:Destinations:d1:Address", Fakes.Address.ToString()),
    ];
}
