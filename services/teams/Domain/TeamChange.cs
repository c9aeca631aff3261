namespace Dispatch.Teams.Domain;

/// <summary>A row of <c>team_changes</c> (with its team's name): one change of a service list and who made and decided it.</summary>
internal sealed record TeamChange(
    Guid Id,
    Guid TeamId,
    string TeamName,
    string Status,
    ProfileFields Before,
    ProfileFields After,
    string ChangedBy,
    string ChangedByRole,
    DateTimeOffset ChangedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason);
