using System.Diagnostics.Metrics;
using Dispatch.Gateway.Accounts;
using Dispatch.ServiceDefaults.Telemetry;

namespace Dispatch.Gateway.Telemetry;

/// <summary>The gateway's meter, <c>Dispatch.Gateway</c>.</summary>
internal sealed class GatewayMetrics
{
    public const string MeterName = TelemetrySetup.SourcePrefix + "Gateway";

    private readonly Counter<long> _signIns;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("dispatch.sign_ins", "{attempt}",
            "Sign-in attempts with a username and password: succeeded, failed, or refused while too many have failed (locked out).");
    }

    public void SignedIn(SignInOutcome outcome) => _signIns.Add(1, new KeyValuePair<string, object?>("dispatch.sign_in.outcome",
        outcome switch
        {
            { RetryAfter: not null } => "locked_out",
            { Account: null or { IsDisabled: true } } => "failed",
            _ => "succeeded",
        }));
}
