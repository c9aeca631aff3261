namespace Dispatch.Matching.Escalation;

/// <summary>Configuration section <c>Escalation</c> (<c>Escalation__StepWindow=12:00:00</c> …).</summary>
internal sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>How long an order waits for a claim when its need names no claim deadline.</summary>
    public TimeSpan DefaultClaimWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long each widened step (street, district, coordinator alert) waits before the next.</summary>
    public TimeSpan StepWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the sweep looks for due orders.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long before its service starts an unclaimed order takes its next step at the latest, whatever its claim window;
    /// shortened to half the notice for needs published less than twice this before their start.
    /// </summary>
    public TimeSpan LeadBeforeStart { get; set; } = TimeSpan.FromHours(12);

    public int BatchSize { get; set; } = 100;

    public bool Enabled { get; set; } = true;
}
