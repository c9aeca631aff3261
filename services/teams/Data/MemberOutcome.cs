namespace Dispatch.Teams.Data;

/// <summary>What became of adding or changing a member.</summary>
internal enum MemberOutcome
{
    Saved,
    NotFound,
    TeamRetired,
    Duplicate,
}
