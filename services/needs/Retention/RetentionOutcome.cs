namespace Dispatch.Needs.Retention;

/// <summary>How many needs and requests one sweep erased the personal data of: counts only, never the data.</summary>
internal sealed record RetentionOutcome(int Needs, int Requests, DateTimeOffset ClosedBefore);
