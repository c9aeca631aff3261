using System.Net;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

/// <summary>点单 and the resident's 评单: a resident asks on the community's page at phone width, follows it and rates it.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ResidentPagesTests(BrowserSystem system)
{
    [Fact]
    public async Task A_resident_files_from_the_communitys_page_follows_each_state_and_rates_and_the_rating_reaches_the_team_and_the_figures()
    {
        using var street = await system.StreetAsync("resident-loop");
        await CommunityOpenAsync(street);

        // 1. The resident, on a phone, files from the community's page (the poster's QR code opens it).
        var resident = await system.NewPageAsync(phone: true);
        var trackingPath = await FileAsync(resident, street, "13912340001", "腿脚不便，想请人帮忙每周买一次菜");
        await Expect(resident.Locator("#state")).ToHaveTextAsync("已受理");
        await FitsAsync(resident, "resident-tracking-received");

        // 2. The branch accepts it: a draft prefilled from it, completed and published as any need.
        var branch = await system.NewPageAsync();
        await SignInAsync(branch, street.Communities[0].BranchUsername);
        await branch.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "居民求助" }).ClickAsync();
        await ExpectHeadingAsync(branch, "居民求助");
        var card = branch.Locator("li.card").Filter(new() { HasText = "13912340001" });
        await Expect(card).ToContainTextAsync("李奶奶");
        await Axe.AssertNoSeriousViolationsAsync(branch, "the requests inbox");
        await card.GetByRole(AriaRole.Button, new() { Name = "受理并生成需求" }).ClickAsync();
        await ExpectHeadingAsync(branch, "编辑需求");
        await Expect(branch.GetByLabel("联系人")).ToHaveValueAsync("李奶奶");
        await branch.GetByLabel("人数", new() { Exact = true }).FillAsync("2");
        await branch.GetByLabel("技能").FillAsync("陪伴聊天");
        await branch.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();
        await ExpectHeadingAsync(branch, "养老服务：居民求助");
        await branch.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await ExpectNoticeAsync(branch, "已发布到派单大厅");
        var needId = Guid.Parse(branch.Url.Split('/')[^1]);

        // 3. The tracking page moves through each state as a team claims, starts and completes it.
        await ExpectStateAsync(resident, trackingPath, "已派单");
        var team = street.Teams[0];
        await Eventually.ReturnsAsync(() => team.Client.PostAsync($"/api/orders/{needId}/claim"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the order should reach the hall");
        await ExpectStateAsync(resident, trackingPath, "已派单", team.Name);
        Assert.Equal(HttpStatusCode.OK, (await team.Client.PostAsync($"/api/orders/{needId}/start")).Status);
        await ExpectStateAsync(resident, trackingPath, "服务中");
        await FitsAsync(resident, "resident-tracking-in-service");
        Assert.Equal(HttpStatusCode.OK, (await team.Client.PostAsync($"/api/orders/{needId}/complete",
            new { serviceHours = 1.5, volunteersCount = 2, summary = "陪同买菜" })).Status);
        await ExpectStateAsync(resident, trackingPath, "已完成");
        await resident.GetByLabel("5 星").CheckAsync();
        await resident.GetByLabel("想说的话（选填）").FillAsync("志愿者很耐心，谢谢！");
        await FitsAsync(resident, "resident-rating");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Expect(resident.Locator("#rated")).ToContainTextAsync("您的评价：5 星");
        await Expect(resident.GetByRole(AriaRole.Button, new() { Name = "提交评价" })).ToHaveCountAsync(0);

        // 4. The rating is the team's own figure on its profile, and the coordinator's resident satisfaction.
        var coordinator = await system.NewPageAsync();
        await SignInAsync(coordinator, street.CoordinatorUsername);
        await Expect(coordinator.GetByRole(AriaRole.Navigation)).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => (await street.Coordinator.GetAsync($"/api/teams/{team.Id}")).Body?["trackRecord"]?["residentRatingsCount"]?.GetValue<int>() == 1,
            TimeSpan.FromSeconds(30), "the resident's rating should reach the team's track record");
        await coordinator.GotoAsync($"/#/teams/{team.Id}");
        var residentsFigure = coordinator.Locator(".figure").Filter(new() { HasText = "居民评分" });
        await Expect(residentsFigure.Locator("strong")).ToHaveTextAsync("5.0 星");
        await Expect(residentsFigure.Locator("small")).ToHaveTextAsync("1 位居民评价");
        await Eventually.TrueAsync(async () => (await street.Coordinator.GetAsync($"/api/stats/match-rate?streetId={street.StreetId}")).Body?["residentSatisfaction"]?["ratings"]?.GetValue<int>() == 1,
            TimeSpan.FromSeconds(30), "the resident's rating should reach the coordinator's figures");
        await coordinator.GotoAsync("/#/dashboard");
        var satisfaction = coordinator.Locator(".figure").Filter(new() { HasText = "居民满意度" });
        await Expect(satisfaction.Locator("strong")).ToHaveTextAsync("100%");
        await Expect(satisfaction.Locator("small")).ToContainTextAsync("1 位居民评价，平均 5.0 星");
        await ScreenshotAsync(coordinator, "coordinator-resident-satisfaction");
    }

    [Fact]
    public async Task A_second_request_from_the_same_phone_is_flagged_and_a_declined_request_shows_its_reason()
    {
        using var street = await system.StreetAsync("resident-decline");
        await CommunityOpenAsync(street);
        var resident = await system.NewPageAsync(phone: true);
        await FileAsync(resident, street, "13912340002", "想请人上门理发");
        var second = await FileAsync(resident, street, "139 1234 0002", "老人头发长了，想请志愿者理发");

        // 5. The branch's inbox flags the second as a possible duplicate of the first.
        var branch = await system.NewPageAsync(phone: true);
        await SignInAsync(branch, street.Communities[0].BranchUsername);
        await ExpectHeadingAsync(branch, "需求清单");
        await branch.GotoAsync("/#/requests");
        await ExpectHeadingAsync(branch, "居民求助");
        var newest = branch.Locator("li.card.request").First;
        await Expect(newest).ToContainTextAsync("老人头发长了");
        await Expect(newest.Locator(".duplicate-flag")).ToHaveTextAsync("可能重复");
        await Expect(newest.Locator(".duplicate")).ToContainTextAsync("同一电话 14 天内求助过同类服务");
        await FitsAsync(branch, "branch-requests-390");

        // 6. The branch declines it with a reason; the resident's page shows it.
        await newest.GetByRole(AriaRole.Button, new() { Name = "拒绝" }).ClickAsync();
        await branch.GetByRole(AriaRole.Textbox, new() { Name = "拒绝原因（居民会看到）" }).FillAsync("与您前一条求助重复，我们会一并安排");
        await branch.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await ExpectNoticeAsync(branch, "已拒绝");
        await ExpectStateAsync(resident, second, "已拒绝");
        await Expect(resident.Locator("#reason")).ToHaveTextAsync("原因：与您前一条求助重复，我们会一并安排");
        await FitsAsync(resident, "resident-tracking-declined");

        // The resident finds it again by phone and lookup code, from the community's page.
        await resident.GotoAsync($"/ask/{street.CommunityId}");
        await resident.GetByLabel("提交时的联系电话").FillAsync("13912340002");
        await resident.GetByLabel("查询码").FillAsync(_lastLookupCode!);
        await resident.GetByRole(AriaRole.Button, new() { Name = "查询进度" }).ClickAsync();
        await Expect(resident.Locator("#state")).ToHaveTextAsync("已拒绝");

        // The poster: the branch prints the page's QR code.
        await branch.GotoAsync("/#/poster");
        await ExpectHeadingAsync(branch, "求助海报");
        await Expect(branch.Locator("#poster-qr")).ToBeVisibleAsync();
        Assert.True(await branch.Locator("#poster-qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"), "the QR code should be drawn");
        await Expect(branch.Locator(".poster .url")).ToContainTextAsync($"/ask/{street.CommunityId}");
        await FitsAsync(branch, "branch-poster-390");
    }

    private string? _lastLookupCode;

    // The community reaches the needs service's directory by an event: its page opens once it has.
    private async Task CommunityOpenAsync(TestStreet street)
    {
        using var anonymous = new GatewayClient(system.Gateway);
        await Eventually.ReturnsAsync(() => anonymous.GetAsync($"/api/requests/communities/{street.CommunityId}/form"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the community's request page should open");
    }

    /// <summary>Fills in and sends the form; returns the tracking page's path, on which the page then is.</summary>
    private async Task<string> FileAsync(IPage page, TestStreet street, string phone, string description)
    {
        await page.GotoAsync($"/ask/{street.CommunityId}");
        await ExpectHeadingAsync(page, "汇泉社区 · 居民求助");
        await page.GetByLabel("需要的服务").SelectOptionAsync("elderly_care");
        await page.GetByLabel("需要什么帮助").FillAsync(description);
        await page.GetByLabel("称呼").FillAsync("李奶奶");
        await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync(phone);
        await page.GetByLabel("地址").FillAsync("汇泉小区3号楼2单元");
        await Expect(page.Locator(".privacy")).ToContainTextAsync("个人信息保护法");
        await page.GetByLabel("我已阅读并同意上述个人信息使用说明").CheckAsync();
        await FitsAsync(page, "resident-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交求助" }).ClickAsync();
        await ExpectHeadingAsync(page, "求助已提交");
        _lastLookupCode = await page.Locator("#lookup-code").TextContentAsync();
        Assert.Matches("^[0-9]{6}$", _lastLookupCode);
        var path = (await page.Locator("#tracking-link").GetAttributeAsync("href"))!;
        await page.GetByRole(AriaRole.Link, new() { Name = "查看办理进度" }).ClickAsync();
        await ExpectHeadingAsync(page, "求助进度");
        return path;
    }

    /// <summary>Reloads the tracking page (刷新) until it shows <paramref name="state"/> (and the serving team's name, when given).</summary>
    private static async Task ExpectStateAsync(IPage page, string trackingPath, string state, string? teamName = null)
    {
        if (!page.Url.EndsWith(trackingPath, StringComparison.Ordinal))
            await page.GotoAsync(trackingPath);
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            return await page.Locator("#state").TextContentAsync() == state
                && (teamName is null || await page.Locator("#team").CountAsync() == 1 && await page.Locator("#team").TextContentAsync() == teamName);
        }, TimeSpan.FromSeconds(30), $"the tracking page should show {state} {teamName}");
    }
}
