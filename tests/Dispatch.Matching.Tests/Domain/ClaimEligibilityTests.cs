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

    [Fact]
    public void IsEligible_gives_the_answer_of_Refusal_for_every_combination_of_what_they_read()
    {
        var team = NewTeam();
        Guid[] communities = [Home, Guid.NewGuid()];
        Guid[] streets = [Street, Guid.NewGuid()];
        Guid?[] targets = [null, team.TeamId, Guid.NewGuid()];
        string[][] skillSets = [[], ["义诊"], ["义诊", "手语"]];
        foreach (var status in new[] { Team.Hatched, "incubating", "suspended" })
        foreach (var area in new[] { "community", "street", "district" })
        foreach (var community in communities)
        foreach (var street in streets)
        foreach (var category in new[] { "health", "culture" })
        foreach (var skills in skillSets)
        foreach (var target in targets)
        foreach (var byCoordinator in new[] { false, true })
        for (var level = EscalationLadder.Community; level <= EscalationLadder.CoordinatorAlert; level++)
        {
            var candidate = new Team
            {
                TeamId = team.TeamId, CommunityId = Home, StreetId = Street, DistrictId = District,
                Categories = team.Categories, Skills = team.Skills, ServiceArea = area, Capacity = 2, Status = status,
            };
            var order = NewOrder(community, street, category, skills, target) with { DirectedByCoordinator = byCoordinator, EscalationLevel = level };
            Assert.True(ClaimEligibility.Refusal(candidate, order) is null == ClaimEligibility.IsEligible(candidate, order),
                $"{status} {area} team, order in {(community == Home ? "its" : "another")} community of {(street == Street ? "its" : "another")} street, "
                + $"{category} [{string.Join(",", skills)}], target {(target is null ? "none" : target == team.TeamId ? "it" : "another")}, "
                + $"by coordinator {byCoordinator}, level {level}");
        }
    }
}
