namespace Dispatch.Matching.Escalation;

/// <summary>Configuration section <c>Claims</c> (<c>Claims__StartGrace=02:00:00</c>, <c>Claims__OverdueLimit=1</c>): claims nobody starts.</summary>
internal sealed class ClaimsOptions
{
    public const string SectionName = "Claims";

    /// <summary>How long after its service start a claimed, unstarted (overdue) order stays with its team before it is released.</summary>
    public TimeSpan StartGrace { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many overdue orders a team may hold before it may claim no more, until it starts or releases them.</summary>
    public int OverdueLimit { get; set; } = 1;
}
