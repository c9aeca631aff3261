namespace Dispatch.Teams.Data;

/// <summary>What became of a service-list edit.</summary>
internal enum ProfileOutcome
{
    Changed,
    NotFound,
    WrongStatus,
    DuplicateName,
}
