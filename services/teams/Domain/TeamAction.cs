namespace Dispatch.Teams.Domain;

/// <summary>What a coordinator does to a team's status.</summary>
internal enum TeamAction
{
    Incubate,
    Hatch,
    Suspend,
    Retire,
}
