namespace Dispatch.Matching.Domain;

/// <summary>One line of a matching-meeting plan: this need goes to this team, with the fit that chose it.</summary>
internal sealed record PlanAssignment(Guid NeedId, Guid TeamId, int Score);
