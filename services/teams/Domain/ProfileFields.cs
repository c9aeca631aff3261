using System.Text.Json.Serialization;

namespace Dispatch.Teams.Domain;

/// <summary>
/// Some fields of a service list: what one change touched, as they were or as they became. A null field is one
/// the change left alone; lists compare as sets, since their order carries no meaning.
/// </summary>
internal sealed record ProfileFields(
    string? Name = null,
    string? Kind = null,
    string[]? Categories = null,
    string[]? Skills = null,
    string? ServiceArea = null,
    int? Capacity = null,
    int? CapacityCeiling = null,
    string[]? Availability = null,
    int? MembersCount = null,
    string? LeaderName = null,
    string? LeaderPhone = null)
{
    public static ProfileFields None { get; } = new();

    [JsonIgnore]
    public bool IsEmpty => this == None;

    /// <summary>What differs between two versions of a team: the old values and the new ones, field by field.</summary>
    public static ProfileDiff Between(Team from, Team to)
    {
        (T? Before, T? After) Compare<T>(T before, T after) where T : class =>
            Equals(before, after) ? (null, null) : (before, after);
        (int? Before, int? After) Number(int before, int after) => before == after ? (null, null) : (before, after);
        (string[]? Before, string[]? After) List(string[] before, string[] after) =>
            before.ToHashSet().SetEquals(after) ? (null, null) : (before, after);

        var name = Compare(from.Name, to.Name);
        var kind = Compare(from.Kind, to.Kind);
        var categories = List(from.Categories, to.Categories);
        var skills = List(from.Skills, to.Skills);
        var area = Compare(from.ServiceArea, to.ServiceArea);
        var capacity = Number(from.Capacity, to.Capacity);
        var ceiling = Number(from.CapacityCeiling, to.CapacityCeiling);
        var availability = List(from.Availability, to.Availability);
        var members = Number(from.MembersCount, to.MembersCount);
        var leaderName = Compare(from.LeaderName, to.LeaderName);
        var leaderPhone = Compare(from.LeaderPhone, to.LeaderPhone);
        return new ProfileDiff(
            new ProfileFields(name.Before, kind.Before, categories.Before, skills.Before, area.Before, capacity.Before, ceiling.Before,
                availability.Before, members.Before, leaderName.Before, leaderPhone.Before),
            new ProfileFields(name.After, kind.After, categories.After, skills.After, area.After, capacity.After, ceiling.After,
                availability.After, members.After, leaderName.After, leaderPhone.After));
    }

    /// <summary>The names of the fields set, as the API spells them.</summary>
    public IReadOnlyList<string> FieldNames() =>
        new (string Name, object? Value)[]
        {
            ("name", Name), ("kind", Kind), ("categories", Categories), ("skills", Skills), ("serviceArea", ServiceArea),
            ("capacity", Capacity), ("capacityCeiling", CapacityCeiling), ("availability", Availability),
            ("membersCount", MembersCount), ("leaderName", LeaderName), ("leaderPhone", LeaderPhone),
        }.Where(f => f.Value is not null).Select(f => f.Name).ToList();
}
