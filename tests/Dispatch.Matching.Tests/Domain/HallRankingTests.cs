using Dispatch.Matching.Benchmarks;
using Dispatch.Matching.Domain;
using Xunit;

namespace Dispatch.Matching.Tests.Domain;

public sealed class HallRankingTests
{
    private static readonly Guid District = Guid.NewGuid();
    private static readonly Guid Street = Guid.NewGuid();
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Neighbour = Guid.NewGuid();

    private static Team NewTeam(int open = 0, int capacity = 3, int completed = 0, int released = 0, int ratingSum = 0, int ratingCount = 0,
        Guid? community = null, string area = "street", string[]? skills = null) => new()
    {
        TeamId = Guid.NewGuid(), CommunityId = community ?? Home, StreetId = Street, DistrictId = District,
        Categories = ["elderly_care"], Skills = skills ?? ["入户探访", "陪伴聊天"], ServiceArea = area,
        Capacity = capacity, Status = Team.Hatched, OpenOrders = open,
        CompletedOrders = completed, ReleasedOrders = released, RatingSum = ratingSum, RatingCount = ratingCount,
    };

    private static Order NewOrder(Guid community, string[] skills, Guid? street = null) => new()
    {
        NeedId = Guid.NewGuid(), CommunityId = community, StreetId = street ?? Street, DistrictId = District,
        Category = "elderly_care", Skills = skills, StartsAt = DateTimeOffset.UtcNow.AddDays(1),
    };

    [Fact]
    public void A_new_idle_team_scores_a_fully_matching_order_in_its_community_at_100()
    {
        // nearness 40 + workload 20 + skills 20 + neutral track record 10 + new team's fair share 10
        var score = HallRanking.Score(NewOrder(Home, ["入户探访"]), NewTeam());

        Assert.Equal(100, score.Score);
        Assert.Equal("同社区 · 技能全部匹配 · 当前 0/3 单 · 新队伍", score.Reason);
    }

    [Fact]
    public void Workload_and_track_record_move_the_score()
    {
        var order = NewOrder(Neighbour, []);

        // nearness 25 + workload 20*(1-2/4)=10 + skills 20
        // + track: completion (3+1)/(4+2)=2/3, rating (10+6)/(2+2)=4 → (4-1)/4=0.75, mean 0.7083 × 20 = 14.17 → 69.17
        var score = HallRanking.Score(order, NewTeam(open: 2, capacity: 4, completed: 3, released: 1, ratingSum: 10, ratingCount: 2));

        Assert.Equal(69, score.Score);
        Assert.Equal("同街道 · 无技能要求 · 当前 2/4 单 · 完成率 75%", score.Reason);
    }

    [Fact]
    public void Orders_rank_same_community_before_same_street_before_same_district()
    {
        var team = NewTeam();
        var inDistrict = NewOrder(Guid.NewGuid(), ["入户探访"], street: Guid.NewGuid());
        var onStreet = NewOrder(Neighbour, ["入户探访"]);
        var atHome = NewOrder(Home, ["入户探访"]);

        var ranked = HallRanking.Rank([inDistrict, onStreet, atHome], team);

        Assert.Equal([atHome.NeedId, onStreet.NeedId, inDistrict.NeedId], ranked.Select(r => r.Order.NeedId));
        Assert.Equal([100, 85, 70], ranked.Select(r => r.Score.Score));
        Assert.StartsWith("同区", ranked[2].Score.Reason);
    }

    [Fact]
    public void A_partial_skill_match_scores_lower_and_says_how_many()
    {
        var team = NewTeam();
        var full = NewOrder(Home, ["入户探访"]);
        var partial = NewOrder(Home, ["入户探访", "手语"]);

        var ranked = HallRanking.Rank([partial, full], team);

        Assert.Equal(full.NeedId, ranked[0].Order.NeedId);
        Assert.Equal(90, ranked[1].Score.Score);
        Assert.Contains("技能匹配 1/2", ranked[1].Score.Reason);
    }

    [Fact]
    public void Teams_rank_for_one_need_by_nearness_load_record_and_a_new_teams_fair_share()
    {
        var need = NewOrder(Home, ["入户探访"]);
        // A: same community, idle, brand new → 40 + 20 + 20 + 10 + 10 = 100
        var fresh = NewTeam(area: "community");
        // D: same community, idle, one order completed → track (2/3 + 1/2)/2 = 0.583 → 11.67, fair share 6.67 → 98.3 → 98
        var second = NewTeam(completed: 1);
        // B: same community, 2 of 3 taken, ten completed and rated 5 → workload 6.67, track (11/12 + 0.917)/2 → 18.33 → 85
        var busyStar = NewTeam(open: 2, completed: 10, ratingSum: 50, ratingCount: 10);
        // C: street-wide team of the neighbouring community, idle, four completed rated 4 → 25 + 20 + 20 + 15 = 80
        var neighbour = NewTeam(capacity: 2, completed: 4, ratingSum: 16, ratingCount: 4, community: Neighbour);
        // Not eligible: lacks the skill, or is full.
        var unskilled = NewTeam(skills: ["理发"]);
        var full = NewTeam(open: 3);

        var ranked = CandidateRanking.Rank(need, [neighbour, busyStar, unskilled, second, full, fresh], top: 10);

        Assert.Equal([fresh.TeamId, second.TeamId, busyStar.TeamId, neighbour.TeamId], ranked.Select(r => r.Team.TeamId));
        Assert.Equal([100, 98, 85, 80], ranked.Select(r => r.Score));
        Assert.Equal("同社区 · 技能全部匹配 · 当前 2/3 单 · 完成率 100%", HallRanking.Score(need, busyStar).Reason);
        Assert.Equal("同街道 · 技能全部匹配 · 当前 0/2 单 · 完成率 100%", HallRanking.Score(need, neighbour).Reason);
    }
}
