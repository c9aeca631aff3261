using Dispatch.Testing;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

/// <summary>Lists longer than the API's page of at most 100: nothing may silently fall off the end.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class LongListsTests(BrowserSystem system)
{
    [Fact]
    public async Task The_incubation_board_shows_every_team_of_a_street_with_more_than_a_hundred()
    {
        using var street = await new StreetBuilder(system.Gateway, "dongge").Community("红旗社区").BuildAsync();
        var (coordinator, community) = (street.Coordinator, street.CommunityId);
        var names = Enumerable.Range(1, 101).Select(i => $"红旗第{i:000}志愿服务队").ToList();
        foreach (var name in names)
        {
            await coordinator.PostExpectingAsync("/api/teams", new
            {
                name, kind = "volunteer_team", communityId = community, categories = new[] { "traffic_civility" },
                skills = new[] { "交通劝导" }, capacity = 1, membersCount = 5, leaderName = "赵队长", leaderPhone = "13800000003",
            });
        }

        var page = await system.NewPageAsync();
        await SignInAsync(page, street.CoordinatorUsername);
        await page.GetByRole(AriaRole.Link, new() { Name = "孵化看板" }).ClickAsync();
        await ExpectHeadingAsync(page, "孵化看板");

        await Expect(page.Locator("li.card.team")).ToHaveCountAsync(names.Count);
        var incubating = page.Locator("section.column").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "孵化中" }) });
        await Expect(incubating).ToContainTextAsync(names[0]);
        await Expect(incubating).ToContainTextAsync(names[^1]);
    }

    [Fact]
    public async Task A_branch_pages_through_a_needs_list_longer_than_a_page()
    {
        using var street = await new StreetBuilder(system.Gateway, "longquan").Community("龙泉社区").BuildAsync();
        var branch = street.Branch;
        var startsAt = DateTime.UtcNow.AddDays(4);
        for (var i = 1; i <= 51; i++)
        {
            await branch.PostExpectingAsync("/api/needs", new
            {
                title = $"楼道清扫第{i}次", description = "清扫楼道杂物", category = "elderly_care", volunteersNeeded = 2, skills = Array.Empty<string>(),
                startsAt, endsAt = startsAt.AddHours(2), beneficiaries = 1,
            });
        }

        var page = await system.NewPageAsync();
        await SignInAsync(page, street.Communities[0].BranchUsername);
        await ExpectHeadingAsync(page, "需求清单");
        var pager = page.GetByRole(AriaRole.Navigation, new() { Name = "翻页" });

        await Expect(page.Locator("caption")).ToHaveTextAsync("共 51 条需求");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
        await Expect(pager).ToContainTextAsync("第 1 / 2 页");
        await pager.GetByRole(AriaRole.Button, new() { Name = "下一页" }).ClickAsync();
        await Expect(pager).ToContainTextAsync("第 2 / 2 页");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(pager.GetByRole(AriaRole.Button, new() { Name = "下一页" })).ToBeDisabledAsync();
        await pager.GetByRole(AriaRole.Button, new() { Name = "上一页" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
    }
}
