namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>Tuning of the outbox relay (<c>Outbox__PollInterval</c>, <c>Outbox__BatchSize</c>, …).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often the relay looks for rows written by other replicas, when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long relayed outbox rows and handled inbox ids are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);
}
