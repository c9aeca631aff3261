namespace Dispatch.Teams.Data;

/// <summary>What became of a service-list edit.</summary>
internal enum ProfileOutcome
{
    Changed,
    NotFound,
    WrongStatus,
    DuplicateName,

    /// <summary>Someone else changed the team since the edit was worked out from it.</summary>
    Stale,
}
