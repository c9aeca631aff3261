using System.Text.Json;
using Dispatch.Matching.Domain;

namespace Dispatch.Matching.Tests.Domain;

/// <summary>The repo's demo street (tools/demo-street/data, copied beside the tests) as the planner's orders and teams.</summary>
internal static class DemoStreet
{
    public static (List<Order> Needs, List<Team> Teams) Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "DemoStreet");
        var district = Guid.NewGuid();
        var street = Guid.NewGuid();
        var communities = new Dictionary<string, Guid>();
        Guid Community(string key) => communities.TryGetValue(key, out var id) ? id : communities[key] = Guid.NewGuid();

        using var needsFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "needs.json")));
        var needs = needsFile.RootElement.GetProperty("needs").EnumerateArray().Select(n => new Order
        {
            NeedId = Guid.NewGuid(), CommunityId = Community(n.GetProperty("community").GetString()!), StreetId = street, DistrictId = district,
            Title = n.GetProperty("title").GetString()!, Category = n.GetProperty("category").GetString()!,
            Skills = n.GetProperty("skills").EnumerateArray().Select(s => s.GetString()!).Distinct().ToArray(),
            VolunteersNeeded = n.GetProperty("volunteersNeeded").GetInt32(),
        }).ToList();

        using var teamsFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "teams.json")));
        var teams = teamsFile.RootElement.GetProperty("teams").EnumerateArray().Select(t => new Team
        {
            TeamId = Guid.NewGuid(), Name = t.GetProperty("name").GetString()!, CommunityId = Community(t.GetProperty("community").GetString()!),
            StreetId = street, DistrictId = district,
            Categories = t.GetProperty("categories").EnumerateArray().Select(s => s.GetString()!).Distinct().ToArray(),
            Skills = t.GetProperty("skills").EnumerateArray().Select(s => s.GetString()!).Distinct().ToArray(),
            ServiceArea = t.GetProperty("serviceArea").GetString()!, Capacity = t.GetProperty("capacity").GetInt32(),
            Status = t.GetProperty("status").GetString()!,
        }).ToList();
        return (needs, teams);
    }
}
