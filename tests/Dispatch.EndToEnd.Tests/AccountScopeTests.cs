using System.Net;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// The gateway's account decisions that rest on the team registry's answers, proved against the real registry
/// (the gateway's own tests use a fake one for the edge's behaviour).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AccountScopeTests(DispatchSystem system)
{
    [Fact]
    public async Task A_coordinator_makes_accounts_for_its_own_streets_teams_only_and_lists_only_those()
    {
        using var home = await new StreetBuilder(system.Gateway, "scope-home").Teams(1).BuildAsync();
        using var away = await new StreetBuilder(system.Gateway, "scope-away").Teams(1).BuildAsync();
        var unregistered = await home.Coordinator.PostExpectingAsync("/api/teams", new
        {
            name = "新成立服务队", kind = "volunteer_team", communityId = home.CommunityId, categories = new[] { "elderly_care" },
            skills = new[] { "陪伴聊天" }, capacity = 2, membersCount = 6, leaderName = "周队长", leaderPhone = "13800000009",
        });

        var own = await home.Coordinator.PostAsync("/api/accounts", new { username = "scope-home-new", password = home.Password, role = "team", teamId = unregistered.Id() });
        var foreign = await home.Coordinator.PostAsync("/api/accounts", new { username = "scope-home-foreign", password = home.Password, role = "team", teamId = away.Teams[0].Id });
        var unknown = await home.Coordinator.PostAsync("/api/accounts", new { username = "scope-home-ghost", password = home.Password, role = "team", teamId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Created, own.Status);
        Assert.Equal((home.CommunityId.ToString(), home.StreetId.ToString()), (own.Body!["communityId"]!.GetValue<string>(), own.Body["streetId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.NotNull(unknown.Body!["errors"]!["teamId"]);

        // Its list holds its street's team accounts: not the other street's, not its branch, not itself.
        var listed = (await home.Coordinator.GetAsync("/api/accounts?pageSize=100")).Body!["items"]!.AsArray()
            .Select(a => a!["username"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["scope-home-new", home.Teams[0].Username], listed);
        Assert.Equal(HttpStatusCode.Forbidden, (await home.Coordinator.GetAsync("/api/accounts?role=branch")).Status);
    }

    [Fact]
    public async Task An_account_is_bound_to_the_place_the_real_registry_knows_and_a_place_it_does_not_know_gets_400()
    {
        using var street = await new StreetBuilder(system.Gateway, "scope-bind").Teams(1).BuildAsync();
        var admin = street.Admin;

        var branch = await admin.PostExpectingAsync("/api/accounts", new { username = "scope-bind-branch-2", password = street.Password, role = "branch", communityId = street.CommunityId });
        var ghostCommunity = await admin.PostAsync("/api/accounts", new { username = "scope-bind-ghost", password = street.Password, role = "branch", communityId = Guid.NewGuid() });
        var ghostStreet = await admin.PostAsync("/api/accounts", new { username = "scope-bind-ghost-2", password = street.Password, role = "coordinator", streetId = Guid.NewGuid() });

        Assert.Equal((street.StreetId.ToString(), street.DistrictId.ToString()), (branch["streetId"]!.GetValue<string>(), branch["districtId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, ghostCommunity.Status);
        Assert.NotNull(ghostCommunity.Body!["errors"]!["communityId"]);
        Assert.Equal(HttpStatusCode.BadRequest, ghostStreet.Status);
        Assert.NotNull(ghostStreet.Body!["errors"]!["streetId"]);
        // The token says the same: the branch's community, street and district as the registry has them.
        using var anonymous = new GatewayClient(system.Gateway);
        var token = (await anonymous.PostAsync("/api/auth/token", new { username = "scope-bind-branch-2", password = street.Password })).Body!;
        Assert.Equal((street.CommunityId.ToString(), street.StreetId.ToString()), (token["communityId"]!.GetValue<string>(), token["streetId"]!.GetValue<string>()));
    }
}
