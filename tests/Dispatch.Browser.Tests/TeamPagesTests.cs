using System.Net;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class TeamPagesTests(BrowserSystem system)
{
    [Fact]
    public async Task A_team_sees_a_need_arrive_live_claims_it_starts_and_reports_completion()
    {
        using var street = await system.StreetAsync("team-pages");
        var page = await system.NewPageAsync(phone: true);
        await SignInAsync(page, street.Teams[0].Username, "wrong-password");
        await ExpectNoticeAsync(page, "用户名或密码不正确");
        await SignInAsync(page, street.Teams[0].Username);
        await ExpectHeadingAsync(page, "派单大厅");
        await Expect(page.Locator(".live")).ToHaveTextAsync("● 实时更新中");

        // The branch publishes while the hall is on screen: the order appears without a reload, with its score and reason.
        await street.PublishNeedAsync("为独居老人陪伴聊天");
        var card = Card(page, "为独居老人陪伴聊天");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".score")).ToContainTextAsync("分");
        await Expect(card.Locator(".reason")).Not.ToBeEmptyAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "the hall");
        await ScreenshotAsync(page, "team-hall");

        await card.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await ExpectNoticeAsync(page, "接单成功");
        await Expect(card).ToHaveCountAsync(0);

        // My orders: start, then report completion; the branch sees it completed.
        await page.GetByRole(AriaRole.Link, new() { Name = "我的订单" }).ClickAsync();
        await ExpectHeadingAsync(page, "我的订单");
        var mine = Card(page, "为独居老人陪伴聊天");
        await mine.GetByRole(AriaRole.Button, new() { Name = "开始服务" }).ClickAsync();
        await ExpectNoticeAsync(page, "已开始服务");
        await mine.GetByLabel("服务时长（小时）").FillAsync("3");
        await mine.GetByLabel("参与人数").FillAsync("2");
        await mine.GetByLabel("服务小结").FillAsync("陪伴聊天两小时，老人情绪良好");
        await Axe.AssertNoSeriousViolationsAsync(page, "my orders");
        await mine.GetByRole(AriaRole.Button, new() { Name = "报告完成" }).ClickAsync();
        await ExpectNoticeAsync(page, "已报告完成");
        await Expect(mine.Locator(".badge.completed")).ToHaveTextAsync("待评价");
        await ScreenshotAsync(page, "team-mine");
    }

    [Fact]
    public async Task A_team_too_late_for_an_order_is_told_another_team_took_it_and_the_order_leaves_its_hall()
    {
        using var street = await system.StreetAsync("too-late");
        var needId = await street.PublishNeedAsync("陪老人去医院复查");
        var rival = street.Teams[0].Client;
        await Eventually.TrueAsync(async () => (await rival.GetAsync("/api/orders/hall")).Text.Contains(needId.ToString(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the order should reach the hall");

        // This screen misses the live updates (its stream is held back), so it still shows the order when the rival takes it.
        var page = await system.NewPageAsync();
        await page.RouteAsync("**/api/orders/hall/events", route => route.AbortAsync());
        await SignInAsync(page, street.Teams[1].Username);
        var card = Card(page, "陪老人去医院复查");
        await Expect(card).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, (await rival.PostAsync($"/api/orders/{needId}/claim")).Status);

        await card.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await ExpectNoticeAsync(page, "已被其他队伍接单");
        await Expect(card).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "team-too-late");
    }

    [Fact]
    public async Task The_live_hall_drops_an_order_another_team_claims()
    {
        using var street = await system.StreetAsync("live-hall");
        var needId = await street.PublishNeedAsync("帮老人代购药品");
        var page = await system.NewPageAsync();
        await SignInAsync(page, street.Teams[1].Username);
        var card = Card(page, "帮老人代购药品");
        await Expect(card).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.OK, (await street.Teams[0].Client.PostAsync($"/api/orders/{needId}/claim")).Status);
        await Expect(card).ToHaveCountAsync(0);
    }
}
