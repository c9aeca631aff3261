namespace Dispatch.Contracts;

/// <summary>The branch cancelled a need before it was completed.</summary>
public sealed record NeedCancelled(Guid NeedId, string Reason, DateTimeOffset CancelledAt);
