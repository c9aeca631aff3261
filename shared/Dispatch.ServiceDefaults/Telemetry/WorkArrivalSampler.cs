using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Dispatch.ServiceDefaults.Telemetry;

/// <summary>
/// Decides for spans without a parent: a trace starts where work arrives or leaves — a request (server), a message
/// received (consumer) or sent (producer: the outbox relay, for an event no request caused) — and not at the SQL
/// of a poll or at a health probe (client spans), which would otherwise each be a trace of their own several
/// times a second. Spans with a parent follow it (<see cref="ParentBasedSampler"/>).
/// </summary>
internal sealed class WorkArrivalSampler : Sampler
{
    private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind is ActivityKind.Server or ActivityKind.Consumer or ActivityKind.Producer ? Sample : Drop;
}
