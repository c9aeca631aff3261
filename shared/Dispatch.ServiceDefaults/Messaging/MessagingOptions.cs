namespace Dispatch.ServiceDefaults.Messaging;

/// <summary>Options of the service's receive endpoints (<c>Messaging__DeliveryLimit</c>, …).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Quorum queues drop or dead-letter a message redelivered more often than this (3.10 has no default).</summary>
    public int DeliveryLimit { get; set; } = 10;

    /// <summary>
    /// In-process retries before a message is moved to the endpoint's <c>_error</c> queue; 100, 500,
    /// 2000, 5000 ms when not set. (No initializer: the configuration binder appends to an existing array
    /// instead of replacing it, so <c>Messaging__RetryIntervalsMs__0..n</c> would add retries, not set them.)
    /// </summary>
    public int[]? RetryIntervalsMs { get; set; }

    public int[] EffectiveRetryIntervalsMs => RetryIntervalsMs is { Length: > 0 } set ? set : [100, 500, 2000, 5000];

    public int PrefetchCount { get; set; } = 32;

    /// <summary>
    /// Retries (200 ms doubling to 10 s) while the database is unreachable, before the message goes
    /// back to the broker; 60 covers an outage of about ten minutes.
    /// </summary>
    public int TransientRetryLimit { get; set; } = 60;

    /// <summary>With an <c>amqps://</c> broker: the PEM file of the authority its certificate chains to, when not one the system trusts.</summary>
    public string? CertificateAuthorityFile { get; set; }
}
