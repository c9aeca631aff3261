namespace Dispatch.Matching.Escalation;

/// <summary>Configuration section <c>Transfers</c> (<c>Transfers__AutoApproveAfter=1.12:00:00</c>).</summary>
internal sealed class TransfersOptions
{
    public const string SectionName = "Transfers";

    /// <summary>How long a holder may leave a transfer request unanswered before it approves itself.</summary>
    public TimeSpan AutoApproveAfter { get; set; } = TimeSpan.FromHours(36);
}
