namespace Dispatch.Teams.Data;

/// <summary>What became of a coordinator's approval or rejection of a team's proposal.</summary>
internal enum DecisionOutcome
{
    Decided,
    NotFound,

    /// <summary>Already approved, rejected or withdrawn.</summary>
    NotPending,

    /// <summary>A retired team's service list is kept as it was.</summary>
    TeamRetired,
}
