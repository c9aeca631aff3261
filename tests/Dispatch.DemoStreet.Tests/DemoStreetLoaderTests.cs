using System.Text.Json;
using Xunit;

namespace Dispatch.DemoStreet.Tests;

public sealed class DemoStreetLoaderTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 14)]
    [InlineData(14, 1)]
    public void Need_starts_on_one_of_the_next_14_days_at_0100_utc_and_lasts_three_hours(int index, int daysAhead)
    {
        var today = new DateTimeOffset(2026, 3, 10, 18, 45, 0, TimeSpan.FromHours(8));

        var (startsAt, endsAt) = DemoStreetLoader.NeedTime(today, index);

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero).AddDays(daysAhead), startsAt);
        Assert.Equal(TimeSpan.Zero, startsAt.Offset);
        Assert.Equal(startsAt.AddHours(3), endsAt);
    }

    [Fact]
    public void Demo_usernames_follow_the_community_key_and_the_team_order()
    {
        Assert.Equal("huiquan-branch", DemoStreetLoader.BranchUsername("huiquan"));
        Assert.Equal("team-01", DemoStreetLoader.TeamUsername(0));
        Assert.Equal("team-75", DemoStreetLoader.TeamUsername(74));
    }

    [Fact]
    public void Options_need_gateway_admin_password_and_a_password_of_eight_characters()
    {
        var options = LoaderOptions.Parse(["--gateway", "http://127.0.0.1:8080", "--password", "demo-2026"], AdminPassword("x"), out _);

        Assert.NotNull(options);
        Assert.Equal(new Uri("http://127.0.0.1:8080"), options.Gateway);
        Assert.Equal("x", options.AdminPassword);
        Assert.Null(LoaderOptions.Parse(["--gateway", "http://127.0.0.1:8080", "--password", "short"], AdminPassword("x"), out var error));
        Assert.Contains("--password", error);
        Assert.Null(LoaderOptions.Parse(["--password", "demo-2026"], AdminPassword("x"), out error));
        Assert.Contains("--gateway", error);
        Assert.Null(LoaderOptions.Parse(["--gateway", "http://127.0.0.1:8080", "--password", "demo-2026"], AdminPassword(null), out error));
        Assert.Contains(LoaderOptions.AdminPasswordVariable, error);
    }

    [Fact]
    public void The_admin_password_is_refused_on_the_command_line_and_read_from_a_file_or_the_environment()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-the-file\n");
        try
        {
            Assert.Null(LoaderOptions.Parse(["--gateway", "http://127.0.0.1:8080", "--admin-password", "x", "--password", "demo-2026"], AdminPassword("x"), out var error));
            Assert.Contains("command line", error);
            Assert.Equal("from-the-file", LoaderOptions.Parse(
                ["--gateway", "http://127.0.0.1:8080", "--admin-password-file", file, "--password", "demo-2026"], AdminPassword(null), out _)?.AdminPassword);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Func<string, string?> AdminPassword(string? value) =>
        name => name == LoaderOptions.AdminPasswordVariable ? value : null;

    [Fact]
    public void Team_registration_lists_each_category_once_even_when_the_file_repeats_one()
    {
        var team = new DemoTeam("光州儿童福利志愿服务队2", "volunteer_team", "guangzhou", ["child_welfare", "child_welfare"],
            ["绘本阅读", "绘本阅读"], 2, 20, "hatched", "community");

        var body = JsonSerializer.SerializeToElement(DemoStreetLoader.TeamRegistration(team, 6, Guid.NewGuid()));

        Assert.Equal(["child_welfare"], body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["绘本阅读"], body.GetProperty("skills").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("队长07", body.GetProperty("leaderName").GetString());
        Assert.Equal("13800000007", body.GetProperty("leaderPhone").GetString());
    }
}
