namespace Dispatch.Teams.Domain;

/// <summary>
/// Who changes which field of a service list. The street's coordinator (or an admin) changes any field at once.
/// A team changes at once what only it knows: when it can serve, how many members it has, its leader's contact,
/// and its capacity up to the ceiling its coordinator set. What decides which orders reach it — categories,
/// skills, service area — it only proposes, for the coordinator to approve. Its name, kind and ceiling are not its own.
/// </summary>
internal static class ProfileRights
{
    /// <summary>The part of <paramref name="fields"/> a team applies itself.</summary>
    public static ProfileFields TeamApplies(ProfileFields fields) => new(
        Capacity: fields.Capacity, Availability: fields.Availability, MembersCount: fields.MembersCount,
        LeaderName: fields.LeaderName, LeaderPhone: fields.LeaderPhone);

    /// <summary>The part of <paramref name="fields"/> a team proposes and its coordinator approves.</summary>
    public static ProfileFields NeedsApproval(ProfileFields fields) => new(
        Categories: fields.Categories, Skills: fields.Skills, ServiceArea: fields.ServiceArea);

    /// <summary>The part of <paramref name="fields"/> only a coordinator or an admin changes.</summary>
    public static ProfileFields CoordinatorOnly(ProfileFields fields) => new(
        Name: fields.Name, Kind: fields.Kind, CapacityCeiling: fields.CapacityCeiling);
}
