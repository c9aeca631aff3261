namespace Dispatch.Matching.Domain;

/// <summary>What the planner proposes: the assignments and the needs no team can take within its capacity.</summary>
internal sealed record MeetingPlan(IReadOnlyList<PlanAssignment> Assignments, IReadOnlyList<Guid> Unmatched)
{
    public int TotalScore => Assignments.Sum(a => a.Score);
}
