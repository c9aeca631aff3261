using Dispatch.Contracts;
using Dispatch.Matching.Domain;

namespace Dispatch.Matching.Benchmarks;

/// <summary>
/// A made-up district shaped like the demo street, scaled up: 10 streets of 5 communities, teams
/// serving two categories with four of that category's skills, a third of them district-wide.
/// Seeded, so every run measures the same data.
/// </summary>
internal sealed class SyntheticDistrict
{
    private readonly Random _random;
    private readonly Guid _district = Guid.NewGuid();
    private readonly Guid[] _streets;
    private readonly (Guid Community, Guid Street)[] _communities;
    private readonly string[] _categories = [.. ServiceCategories.Names.Keys];
    private readonly Dictionary<string, string[]> _skills;

    public SyntheticDistrict(int seed)
    {
        _random = new Random(seed);
        _streets = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        _communities = Enumerable.Range(0, 50).Select(i => (Guid.NewGuid(), _streets[i / 5])).ToArray();
        _skills = _categories.ToDictionary(c => c, c => Enumerable.Range(1, 6).Select(i => $"{c}-skill-{i}").ToArray());
    }

    public List<Team> Teams(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var (community, street) = _communities[_random.Next(_communities.Length)];
        var categories = _categories.OrderBy(_ => _random.Next()).Take(2).ToArray();
        var capacity = _random.Next(1, 4);
        return new Team
        {
            TeamId = Guid.NewGuid(), Name = "队伍", CommunityId = community, StreetId = street, DistrictId = _district,
            Categories = categories,
            Skills = categories.SelectMany(c => _skills[c].OrderBy(_ => _random.Next()).Take(4)).ToArray(),
            ServiceArea = _random.Next(3) switch { 0 => "community", 1 => "street", _ => "district" },
            Capacity = capacity, OpenOrders = _random.Next(capacity), Status = Team.Hatched,
            CompletedOrders = _random.Next(20), ReleasedOrders = _random.Next(3), RatingSum = _random.Next(0, 50), RatingCount = 10,
        };
    }).ToList();

    public List<Order> Needs(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var (community, street) = _communities[_random.Next(_communities.Length)];
        var category = _categories[_random.Next(_categories.Length)];
        return new Order
        {
            NeedId = Guid.NewGuid(), CommunityId = community, StreetId = street, DistrictId = _district, Title = "需求",
            Category = category, Skills = [_skills[category][_random.Next(6)]], VolunteersNeeded = 2,
        };
    }).ToList();
}
