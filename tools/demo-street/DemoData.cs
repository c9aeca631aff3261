using System.Text.Json;

namespace Dispatch.DemoStreet;

/// <summary>The demo street as the JSON files of <c>data/</c> describe it.</summary>
internal sealed record DemoData(DemoDistrict District, DemoStreetPlace Street, IReadOnlyList<DemoTeam> Teams, IReadOnlyList<DemoNeed> Needs)
{
    public static DemoData Load(string directory)
    {
        var places = Read<PlacesFile>(directory, "places.json");
        var district = places.Districts.Single();
        return new DemoData(
            district,
            district.Streets.Single(),
            Read<TeamsFile>(directory, "teams.json").Teams,
            Read<NeedsFile>(directory, "needs.json").Needs);
    }

    /// <summary>The <c>data</c> folder beside the loader's own files.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "data");

    private static T Read<T>(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    private sealed record PlacesFile(IReadOnlyList<DemoDistrict> Districts);

    private sealed record TeamsFile(IReadOnlyList<DemoTeam> Teams);

    private sealed record NeedsFile(IReadOnlyList<DemoNeed> Needs);
}

internal sealed record DemoDistrict(string Key, string Name, IReadOnlyList<DemoStreetPlace> Streets);

internal sealed record DemoStreetPlace(string Key, string Name, IReadOnlyList<DemoCommunity> Communities);

internal sealed record DemoCommunity(string Key, string Name, string Branch);

internal sealed record DemoTeam(
    string Name, string Kind, string Community, IReadOnlyList<string> Categories, IReadOnlyList<string> Skills,
    int Capacity, int MembersCount, string Status, string ServiceArea);

internal sealed record DemoNeed(
    string Community, string Title, string Category, IReadOnlyList<string> Skills, int VolunteersNeeded, int? Beneficiaries, string? Urgency);
