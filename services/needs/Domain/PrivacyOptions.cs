namespace Dispatch.Needs.Domain;

/// <summary>Configuration section <c>Privacy</c> (<c>Privacy__CompletedContactDays=7</c>).</summary>
internal sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>How many days after completing an order its team still reads the resident's contact, for follow-up.</summary>
    public int CompletedContactDays { get; set; } = 7;
}
