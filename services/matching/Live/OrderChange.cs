namespace Dispatch.Matching.Live;

/// <summary>An order changed: enough for a hall on screen to know it must look again. Null id: anything may have changed (resync).</summary>
internal sealed record OrderChange(Guid? NeedId, string? Status, long? Version);
