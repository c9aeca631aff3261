using Dispatch.Matching.Domain;
using Xunit;

namespace Dispatch.Matching.Tests.Domain;

public sealed class HallRankingTests
{
    private static readonly Guid District = Guid.NewGuid();
    private static readonly Guid Street = Guid.NewGuid();
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Neighbour = Guid.NewGuid();

    private static Team NewTeam(int open = 0, int capacity = 3, int completed = 0, int released = 0, int ratingSum = 0, int ratingCount = 0) => new()
    {
        TeamId = Guid.NewGuid(), CommunityId = Home, StreetId = Street, DistrictId = District,
        Categories = ["elderly_care"], Skills = ["入户探访", "陪伴聊天"], ServiceArea = "street",
        Capacity = capacity, Status = Team.Hatched, OpenOrders = open,
        CompletedOrders = completed, ReleasedOrders = released, RatingSum = ratingSum, RatingCount = ratingCount,
    };

    private static Order NewOrder(Guid community, string[] skills, Guid? street = null) => new()
    {
        NeedId = Guid.NewGuid(), CommunityId = community, StreetId = street ?? Street, DistrictId = District,
        Category = "elderly_care", Skills = skills, StartsAt = DateTimeOffset.UtcNow.AddDays(1),
    };

    [Fact]
    public void A_new_idle_team_scores_a_fully_matching_order_in_its_community_at_90()
    {
        // nearness 40 + workload 20 + skills 20 + neutral track record 10
        var score = HallRanking.Score(NewOrder(Home, ["入户探访"]), NewTeam());

        Assert.Equal(90, score.Score);
        Assert.Equal("同社区 · 技能全部匹配 · 当前 0/3 单", score.Reason);
    }

    [Fact]
    public void Workload_and_track_record_move_the_score()
    {
        var order = NewOrder(Neighbour, []);

        // nearness 25 + workload 20*(1-2/4)=10 + skills 20 + track (completion 3/4, rating (5-1)/4=1 → 0.875)*20=17.5 → 72.5, rounded half up
        var score = HallRanking.Score(order, NewTeam(open: 2, capacity: 4, completed: 3, released: 1, ratingSum: 10, ratingCount: 2));

        Assert.Equal(73, score.Score);
        Assert.Equal("同街道 · 无技能要求 · 当前 2/4 单", score.Reason);
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
        Assert.Equal([90, 75, 60], ranked.Select(r => r.Score.Score));
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
        Assert.Equal(80, ranked[1].Score.Score);
        Assert.Contains("技能匹配 1/2", ranked[1].Score.Reason);
    }
}
