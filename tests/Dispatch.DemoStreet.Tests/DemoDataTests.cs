using Xunit;

namespace Dispatch.DemoStreet.Tests;

public sealed class DemoDataTests
{
    private static readonly DemoData Data = DemoData.Load(DemoData.DefaultDirectory);

    [Fact]
    public void Data_copied_beside_the_loader_holds_the_street_its_five_communities_75_teams_and_44_needs()
    {
        Assert.Equal("莱州市", Data.District.Name);
        Assert.Equal("文昌路街道", Data.Street.Name);
        Assert.Equal(["huiquan", "guangzhou", "beiguan", "dinghai", "dongnanyu"], Data.Street.Communities.Select(c => c.Key));
        Assert.All(Data.Street.Communities, c => Assert.EndsWith("党支部", c.Branch));
        Assert.Equal(75, Data.Teams.Count);
        Assert.Equal(44, Data.Needs.Count);
    }

    [Fact]
    public void Every_team_and_need_names_a_community_of_the_street()
    {
        var keys = Data.Street.Communities.Select(c => c.Key).ToHashSet();

        Assert.All(Data.Teams, t => Assert.Contains(t.Community, keys));
        Assert.All(Data.Needs, n => Assert.Contains(n.Community, keys));
    }

    [Fact]
    public void Teams_are_read_with_their_service_list()
    {
        Assert.All(Data.Teams, t =>
        {
            Assert.NotEmpty(t.Categories);
            Assert.True(t.Capacity > 0);
            Assert.Contains(t.Kind, new[] { "volunteer_team", "social_org" });
            Assert.Contains(t.ServiceArea, new[] { "community", "street" });
        });
        Assert.Equal(53, Data.Teams.Count(t => t.Kind == "volunteer_team"));
        Assert.Equal(22, Data.Teams.Count(t => t.Kind == "social_org"));
    }

    [Fact]
    public void Needs_are_read_with_category_and_volunteers()
    {
        Assert.All(Data.Needs, n =>
        {
            Assert.False(string.IsNullOrWhiteSpace(n.Title));
            Assert.False(string.IsNullOrWhiteSpace(n.Category));
            Assert.True(n.VolunteersNeeded > 0);
        });
    }
}
