namespace Dispatch.Needs.Domain;

/// <summary>What the matching service announced about the order of a need (its <c>Order*</c> events).</summary>
internal enum OrderProgress
{
    Claimed,
    Released,
    Declined,
    Directed,
    Started,
    Completed,
    Expired,
    Escalated,
    Reassigned,
    Overdue,
    AutoReleased,
    Transferred,
}
