namespace Dispatch.Contracts;

/// <summary>
/// Who an open order is directed to changed: a coordinator directed it to <c>TeamId</c> (which may be outside
/// the team's service list, inside the coordinator's street), or the team the branch named may not take it
/// and it is open to every eligible team (<c>TeamId</c> null). <c>Reason</c> says which, for the timeline.
/// <c>Version</c> as in <see cref="OrderClaimed"/>.
/// </summary>
public sealed record OrderDirected(Guid NeedId, Guid? TeamId, string Actor, string Reason, DateTimeOffset DirectedAt, long Version);
