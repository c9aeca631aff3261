namespace Dispatch.Teams.Data;

/// <summary>What became of an insert whose name must be unique within a parent that must exist.</summary>
internal enum AddOutcome
{
    Added,
    Duplicate,
    ParentMissing,
}
