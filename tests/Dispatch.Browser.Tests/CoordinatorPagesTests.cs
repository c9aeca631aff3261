using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class CoordinatorPagesTests(BrowserSystem system)
{
    [Fact]
    public async Task A_coordinator_reads_the_dashboard_hatches_a_team_and_confirms_a_matching_meeting_plan()
    {
        // Its own street: 光州 publishes nothing, and 光州文明交通队 is the street's only incubating team.
        using var street = await system.StreetAsync("coordinator-pages", more => more.Community("光州社区")
            .Team(new TeamPlan("光州文明交通队") { Community = 1, Categories = ["traffic_civility"], Skills = ["交通劝导"], Capacity = 2, Hatched = false }));
        var needId = await street.PublishNeedAsync("为行动不便老人送餐");
        var coordinator = street.Coordinator;
        await Eventually.TrueAsync(async () => (await coordinator.GetAsync("/api/stats/unclaimed?pageSize=100")).Text.Contains(needId.ToString(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the order should be counted as unclaimed");

        var page = await system.NewPageAsync();
        await SignInAsync(page, street.CoordinatorUsername);
        await ExpectHeadingAsync(page, "数据看板");
        await Expect(page.Locator(".figure").Filter(new() { HasText = "认领率" }).Locator("strong")).ToContainTextAsync("%");
        await Expect(page.Locator(".figure").Filter(new() { HasText = "认领用时" })).ToBeVisibleAsync();
        await Expect(page.Locator("figure").Filter(new() { HasText = "各社区认领率" })).ToContainTextAsync("汇泉社区");
        await Expect(page.Locator($"tr[data-need-id='{needId}']")).ToContainTextAsync("本社区");
        await Axe.AssertNoSeriousViolationsAsync(page, "the dashboard");
        await ScreenshotAsync(page, "coordinator-dashboard");

        // One community's figures: 光州 has published nothing.
        await page.GetByLabel("社区").SelectOptionAsync(new SelectOptionValue { Label = "光州社区" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.Locator(".figure").Filter(new() { HasText = "认领率" }).Locator("small")).ToHaveTextAsync("0 / 0 单已被认领");
        await Expect(page.Locator($"tr[data-need-id='{needId}']")).ToHaveCountAsync(0);

        // The incubation board: the incubating team hatches.
        await page.GetByRole(AriaRole.Link, new() { Name = "孵化看板" }).ClickAsync();
        await ExpectHeadingAsync(page, "孵化看板");
        var incubating = page.Locator("section.column").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "孵化中" }) });
        await Expect(incubating).ToContainTextAsync("光州文明交通队");
        await page.GetByRole(AriaRole.Button, new() { Name = "孵化出壳：光州文明交通队" }).ClickAsync();
        await ExpectNoticeAsync(page, "孵化出壳完成");
        var hatched = page.Locator("section.column").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "已孵化" }) });
        await Expect(hatched).ToContainTextAsync("光州文明交通队");
        await Axe.AssertNoSeriousViolationsAsync(page, "the incubation board");
        await ScreenshotAsync(page, "coordinator-teams");

        // The matching meeting: plan, review the pairing with its reason, confirm.
        await page.GetByRole(AriaRole.Link, new() { Name = "供需对接会" }).ClickAsync();
        await ExpectHeadingAsync(page, "项目供需对接会");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成对接方案" }).ClickAsync();
        var row = page.Locator($"tr[data-need-id='{needId}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("td").Nth(5)).Not.ToBeEmptyAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the matching meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认方案并定向派单" }).ClickAsync();
        await ExpectNoticeAsync(page, "已定向派出");
        await Expect(page.Locator(".plan")).ToContainTextAsync("确认");
        await ScreenshotAsync(page, "coordinator-meeting");

        // The planned team finds the order directed to it in its hall and accepts it.
        var teamName = await row.Locator("td").Nth(3).InnerTextAsync();
        var username = street.Teams.Single(t => t.Name == teamName).Username;
        var teamPage = await system.NewPageAsync(phone: true);
        await SignInAsync(teamPage, username);
        var card = Card(teamPage, "为行动不便老人送餐");
        await Expect(card.Locator(".badge.accent")).ToHaveTextAsync("指派给本队");
        await card.GetByRole(AriaRole.Button, new() { Name = "接受指派" }).ClickAsync();
        await ExpectNoticeAsync(teamPage, "接单成功");
        await Expect(card).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_page_that_loads_late_does_not_replace_the_page_the_coordinator_moved_on_to()
    {
        using var street = await system.StreetAsync("late-page");
        var page = await system.NewPageAsync();
        // The dashboard's first request is held back until the incubation board is on screen.
        var release = new TaskCompletionSource();
        var held = new TaskCompletionSource();
        await page.RouteAsync("**/api/places", async route =>
        {
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await SignInAsync(page, street.CoordinatorUsername);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await page.GetByRole(AriaRole.Link, new() { Name = "孵化看板" }).ClickAsync();
        await ExpectHeadingAsync(page, "孵化看板");
        await Expect(page.Locator("li.card.team").First).ToBeVisibleAsync();
        // The dashboard gets its answer and goes on (its figures are asked for after it has drawn its page), but
        // the board stays.
        await page.RunAndWaitForResponseAsync(() =>
        {
            release.SetResult();
            return Task.CompletedTask;
        }, response => response.Url.Contains("/api/stats/unclaimed", StringComparison.Ordinal));
        await ExpectHeadingAsync(page, "孵化看板");
        await Expect(page.Locator("li.card.team").First).ToBeVisibleAsync();
    }
}
