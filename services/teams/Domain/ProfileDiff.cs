namespace Dispatch.Teams.Domain;

/// <summary>One change of a service list: the touched fields as they were and as they become.</summary>
internal sealed record ProfileDiff(ProfileFields Before, ProfileFields After)
{
    public static ProfileDiff None { get; } = new(ProfileFields.None, ProfileFields.None);

    public bool IsEmpty => After.IsEmpty;
}
