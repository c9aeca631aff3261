using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;
using Xunit;

namespace Dispatch.Teams.Tests;

/// <summary>
/// A fresh district with one street of two communities, made through the admin API, and the
/// tokens of the people working there; names carry a random suffix so tests sharing the service never collide.
/// </summary>
public sealed class Street
{
    private Street(TeamsService service, DistrictView district, StreetView street, CommunityView community, CommunityView neighbour)
    {
        Service = service;
        District = district;
        StreetPlace = street;
        Community = community;
        Neighbour = neighbour;
    }

    public TeamsService Service { get; }
    public DistrictView District { get; }
    public StreetView StreetPlace { get; }
    public CommunityView Community { get; }
    public CommunityView Neighbour { get; }

    public Guid DistrictId => District.Id;
    public Guid StreetId => StreetPlace.Id;

    public HttpClient Admin => Service.ClientWithToken(TestTokens.Admin());
    public HttpClient Coordinator => Service.ClientWithToken(TestTokens.Coordinator(StreetId, DistrictId));
    public HttpClient Branch => Service.ClientWithToken(TestTokens.Branch(Community.Id, StreetId, DistrictId));

    public HttpClient TeamClient(Guid teamId) => Service.ClientWithToken(TestTokens.Team(teamId, Community.Id, StreetId, DistrictId));

    public static async Task<Street> CreateAsync(TeamsService service)
    {
        var admin = service.ClientWithToken(TestTokens.Admin());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var district = await CreatedAsync<DistrictView>(admin.PostAsJsonAsync("/api/places/districts", new { name = $"莱州市-{suffix}" }));
        return await CreateInAsync(service, district, "文昌路街道");
    }

    /// <summary>Another street of this street's district, with communities of its own.</summary>
    public Task<Street> NeighbourStreetAsync() => CreateInAsync(Service, District, $"永安路街道-{Guid.NewGuid():N}"[..12]);

    private static async Task<Street> CreateInAsync(TeamsService service, DistrictView district, string streetName)
    {
        var admin = service.ClientWithToken(TestTokens.Admin());
        var street = await CreatedAsync<StreetView>(admin.PostAsJsonAsync($"/api/places/districts/{district.Id}/streets", new { name = streetName }));
        var community = await CreatedAsync<CommunityView>(admin.PostAsJsonAsync($"/api/places/streets/{street.Id}/communities", new { name = "汇泉", branchName = "汇泉社区党支部" }));
        var neighbour = await CreatedAsync<CommunityView>(admin.PostAsJsonAsync($"/api/places/streets/{street.Id}/communities", new { name = "光州", branchName = "光州社区党支部" }));
        return new Street(service, district, street, community, neighbour);
    }

    /// <summary>A valid registration body; tests change what they are about.</summary>
    public Dictionary<string, object?> NewTeam(string? name = null, Guid? communityId = null) => new()
    {
        ["name"] = name ?? $"银龄先锋-{Guid.NewGuid():N}"[..20],
        ["kind"] = "volunteer_team",
        ["communityId"] = communityId ?? Community.Id,
        ["categories"] = new[] { "elderly_care", "health" },
        ["skills"] = new[] { "入户探访", "测血压" },
        ["capacity"] = 3,
        ["membersCount"] = 20,
        ["leaderName"] = "王建国",
        ["leaderPhone"] = "138-0000-1234",
    };

    public async Task<TeamView> RegisterTeamAsync(string? name = null) =>
        await CreatedAsync<TeamView>(Coordinator.PostAsJsonAsync("/api/teams", NewTeam(name)));

    public static async Task<T> CreatedAsync<T>(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
