using Dispatch.Matching.Domain;
using Xunit;

namespace Dispatch.Matching.Tests.Domain;

public sealed class ClaimEligibilityTests
{
    private static readonly Guid District = Guid.NewGuid();
    private static readonly Guid Street = Guid.NewGuid();
    private static readonly Guid Home = Guid.NewGuid();

    private static Team NewTeam(string area = "community", string status = Team.Hatched) => new()
    {
        TeamId = Guid.NewGuid(), CommunityId = Home, StreetId = Street, DistrictId = District,
        Categories = ["health"], Skills = ["义诊"], ServiceArea = area, Capacity = 2, Status = status,
    };

    private static Order NewOrder(Guid? community = null, Guid? street = null, string category = "health", string[]? skills = null, Guid? target = null) => new()
    {
        NeedId = Guid.NewGuid(), CommunityId = community ?? Home, StreetId = street ?? Street, DistrictId = District,
        Category = category, Skills = skills ?? ["义诊"], TargetTeamId = target,
    };

    [Fact]
    public void A_hatched_team_in_area_with_category_and_skills_may_claim() =>
        Assert.Null(ClaimEligibility.Refusal(NewTeam(), NewOrder()));

    [Fact]
    public void Unknown_suspended_wrong_category_missing_skill_and_directed_elsewhere_are_refused()
    {
        var team = NewTeam();
        Assert.NotNull(ClaimEligibility.Refusal(null, NewOrder()));
        Assert.Contains("suspended", ClaimEligibility.Refusal(NewTeam(status: "suspended"), NewOrder()));
        Assert.Contains("category", ClaimEligibility.Refusal(team, NewOrder(category: "culture")));
        Assert.Contains("手语", ClaimEligibility.Refusal(team, NewOrder(skills: ["义诊", "手语"])));
        Assert.Contains("another team", ClaimEligibility.Refusal(team, NewOrder(target: Guid.NewGuid())));
    }

    [Fact]
    public void Service_area_decides_how_far_a_team_reaches()
    {
        var neighbour = NewOrder(community: Guid.NewGuid());
        var otherStreet = NewOrder(community: Guid.NewGuid(), street: Guid.NewGuid());

        Assert.NotNull(ClaimEligibility.Refusal(NewTeam("community"), neighbour));
        Assert.Null(ClaimEligibility.Refusal(NewTeam("street"), neighbour));
        Assert.NotNull(ClaimEligibility.Refusal(NewTeam("street"), otherStreet));
        Assert.Null(ClaimEligibility.Refusal(NewTeam("district"), otherStreet));
    }

    [Fact]
    public void A_branch_directed_order_obeys_the_claim_rule_for_its_named_team_and_a_coordinator_directed_one_does_not()
    {
        var team = NewTeam();
        var outOfArea = NewOrder(community: Guid.NewGuid(), street: Guid.NewGuid(), target: team.TeamId);
        var wrongCategory = NewOrder(category: "culture", target: team.TeamId);

        Assert.Contains("service area", ClaimEligibility.Refusal(team, outOfArea));
        Assert.Contains("category", ClaimEligibility.Refusal(team, wrongCategory));
        Assert.Contains("incubating", ClaimEligibility.Refusal(NewTeam(status: "incubating"), NewOrder(target: team.TeamId)));
        Assert.False(ClaimEligibility.IsEligible(team, outOfArea));
        Assert.False(ClaimEligibility.IsEligible(team, wrongCategory));

        var directedByCoordinator = wrongCategory with { DirectedByCoordinator = true };
        Assert.Null(ClaimEligibility.Refusal(team, directedByCoordinator));
        Assert.True(ClaimEligibility.IsEligible(team, directedByCoordinator));
        Assert.Contains("suspended", ClaimEligibility.Refusal(NewTeam(status: "suspended"), directedByCoordinator));
    }
}
