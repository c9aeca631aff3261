namespace Dispatch.Needs.Domain;

/// <summary>Configuration section <c>Privacy</c> (<c>Privacy__CompletedContactDays=7</c>, <c>Privacy__RetentionDays=365</c>).</summary>
internal sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>How many days after completing an order its team still reads the resident's contact, for follow-up.</summary>
    public int CompletedContactDays { get; set; } = 7;

    /// <summary>
    /// How many days after a need or a request is closed (served, rated, cancelled, expired or declined) the resident's
    /// personal data is kept; then the retention job erases it, and the figures keep counting what remains.
    /// </summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>How often the retention job looks for personal data past its time.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
