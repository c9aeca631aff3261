using System.Net;

namespace Dispatch.Testing.Processes;

/// <summary>
/// Sets up a <see cref="TestStreet"/> through the gateway: the admin makes the district, the street, its
/// communities, a coordinator and a branch account per community; the coordinator registers the teams,
/// hatches them and makes their accounts. Accounts are named after <c>tag</c> (<c>tag-coordinator</c>,
/// <c>tag-branch</c>, <c>tag-branch-2</c>, <c>tag-team-1</c>, …), so the tag must be unique in the system;
/// the district is named after it too unless <see cref="Named"/> says otherwise.
/// </summary>
public sealed class StreetBuilder(Uri gateway, string tag)
{
    public const string DefaultPassword = "street-password-1";

    private readonly List<(string Name, string BranchName)> _communities = [];
    private readonly List<TeamPlan> _teams = [];
    private IReadOnlyList<Uri> _signInAt = [gateway];
    private string _district = $"{tag}区";
    private string _street = $"{tag}街道";
    private string _password = DefaultPassword;

    /// <summary>The district's and the street's names (the district's must be unique in the system).</summary>
    public StreetBuilder Named(string district, string street)
    {
        (_district, _street) = (district, street);
        return this;
    }

    public StreetBuilder Community(string name, string? branchName = null)
    {
        _communities.Add((name, branchName ?? $"{name}党支部"));
        return this;
    }

    public StreetBuilder Team(TeamPlan team)
    {
        _teams.Add(team);
        return this;
    }

    /// <summary><paramref name="count"/> alike hatched teams of the first community, named <c>{tag}服务队1</c>, ….</summary>
    public StreetBuilder Teams(int count, int capacity = 5)
    {
        for (var i = 1; i <= count; i++)
            _teams.Add(new TeamPlan($"{tag}服务队{i}") { Capacity = capacity });
        return this;
    }

    public StreetBuilder Password(string password)
    {
        _password = password;
        return this;
    }

    /// <summary>With several gateways: each team signs in at the next one, the branch at the last.</summary>
    public StreetBuilder SignInAt(IReadOnlyList<Uri> gateways)
    {
        _signInAt = gateways;
        return this;
    }

    public async Task<TestStreet> BuildAsync()
    {
        if (_communities.Count == 0)
            Community($"{tag}社区");
        var admin = await GatewayClient.SignInAsync(gateway, "admin", DispatchSystem.AdminPassword);
        var districtId = (await admin.PostExpectingAsync("/api/places/districts", new { name = _district })).Id();
        var streetId = (await admin.PostExpectingAsync($"/api/places/districts/{districtId}/streets", new { name = _street })).Id();
        var coordinatorUsername = $"{tag}-coordinator";
        await admin.PostExpectingAsync("/api/accounts", new { username = coordinatorUsername, password = _password, role = "coordinator", streetId });

        var communities = new List<StreetCommunity>();
        foreach (var (name, branchName) in _communities)
        {
            var communityId = (await admin.PostExpectingAsync($"/api/places/streets/{streetId}/communities", new { name, branchName })).Id();
            var username = communities.Count == 0 ? $"{tag}-branch" : $"{tag}-branch-{communities.Count + 1}";
            await admin.PostExpectingAsync("/api/accounts", new { username, password = _password, role = "branch", communityId });
            communities.Add(new StreetCommunity(communityId, name, username, await GatewayClient.SignInAsync(_signInAt[^1], username, _password)));
        }

        var coordinator = await GatewayClient.SignInAsync(gateway, coordinatorUsername, _password);
        var teams = new List<StreetTeam>();
        foreach (var plan in _teams)
        {
            var teamId = (await coordinator.PostExpectingAsync("/api/teams", new
            {
                name = plan.Name, kind = "volunteer_team", communityId = communities[plan.Community].Id, categories = plan.Categories,
                skills = plan.Skills, serviceArea = plan.ServiceArea, capacity = plan.Capacity, membersCount = 12,
                leaderName = "王队长", leaderPhone = "13800000001",
            })).Id();
            if (plan.Hatched)
                await coordinator.PostExpectingAsync($"/api/teams/{teamId}/hatch", new { }, HttpStatusCode.OK);
            var username = $"{tag}-team-{teams.Count + 1}";
            await coordinator.PostExpectingAsync("/api/accounts", new { username, password = _password, role = "team", teamId });
            var signInAt = _signInAt[(teams.Count + 1) % _signInAt.Count];
            teams.Add(new StreetTeam(teamId, plan.Name, username, await GatewayClient.SignInAsync(signInAt, username, _password)));
        }
        return new TestStreet(_password, districtId, streetId, coordinatorUsername, admin, coordinator, communities, teams);
    }
}
