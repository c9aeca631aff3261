namespace Dispatch.Gateway.Audit;

/// <summary>How long the audit trail keeps its entries (<c>Audit__RetentionDays</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The Cybersecurity Law asks that logs be kept at least six months; the table itself refuses to lose younger entries.</summary>
    public const int MinimumRetentionDays = 180;

    public int RetentionDays { get; set; } = 365;
}
