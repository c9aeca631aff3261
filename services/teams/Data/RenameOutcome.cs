namespace Dispatch.Teams.Data;

/// <summary>What became of renaming a place whose name must stay unique within its parent.</summary>
internal enum RenameOutcome
{
    Renamed,
    Duplicate,
    Missing,
}
