using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class BranchPagesTests(BrowserSystem system)
{
    [Fact]
    public async Task A_branch_writes_a_need_publishes_it_to_one_team_imports_a_list_publishes_all_and_rates_a_completed_service()
    {
        using var street = await system.StreetAsync("branch-pages");
        var page = await system.NewPageAsync();
        await SignInAsync(page, street.Communities[0].BranchUsername);
        await ExpectHeadingAsync(page, "需求清单");

        // Write a need in the form and save it as a draft.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "新建需求" }).ClickAsync();
        await ExpectHeadingAsync(page, "新建需求");
        var day = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("标题").FillAsync("重阳节为老人理发");
        await page.GetByLabel("类别").SelectOptionAsync("elderly_care");
        await page.GetByLabel("人数", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("技能").FillAsync("理发、陪伴聊天");
        await page.GetByLabel("开始时间").FillAsync($"{day}T09:00");
        await page.GetByLabel("结束时间").FillAsync($"{day}T11:00");
        await page.GetByLabel("地址").FillAsync("汇泉小区活动室");
        await page.GetByLabel("联系人").FillAsync("张阿姨");
        await page.GetByLabel("联系电话").FillAsync("13900002222");
        await Axe.AssertNoSeriousViolationsAsync(page, "the need form");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await ExpectHeadingAsync(page, "重阳节为老人理发");
        await Expect(page.Locator(".meta .badge").First).ToHaveTextAsync("草稿");

        // Publish it to one team; the timeline shows the step.
        await page.GetByLabel("发布给").SelectOptionAsync(new SelectOptionValue { Label = "汇泉养老服务队" });
        await page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await ExpectNoticeAsync(page, "已发布到派单大厅");
        await Expect(page.Locator(".meta .badge").First).ToHaveTextAsync("待接单");
        await Expect(page.Locator(".timeline li")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator(".timeline")).ToContainTextAsync("待接单");
        await Axe.AssertNoSeriousViolationsAsync(page, "a need's page");
        await ScreenshotAsync(page, "branch-need");

        // Import a needs list: one good row, one bad; the report says which.
        await page.GetByRole(AriaRole.Link, new() { Name = "导入清单" }).ClickAsync();
        await ExpectHeadingAsync(page, "导入需求清单");
        var csv = $"标题,类别,人数,开始时间,结束时间\n帮老人打扫卫生,养老服务,2,{day} 14:00,{day} 16:00\n人数有误的一行,养老服务,很多,{day} 14:00,{day} 16:00\n";
        await page.GetByLabel("需求清单文件", new() { Exact = false }).SetInputFilesAsync(new FilePayload { Name = "需求清单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await ExpectNoticeAsync(page, "新增 1 条");
        var report = page.Locator(".report table");
        await Expect(report.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(report.Locator("tr.created")).ToContainTextAsync("帮老人打扫卫生");
        await Expect(report.Locator("tr.invalid")).ToContainTextAsync("人数");
        await Axe.AssertNoSeriousViolationsAsync(page, "the import report");
        await ScreenshotAsync(page, "branch-import");

        // The imported draft goes out with 发布全部草稿.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "需求清单" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发布全部草稿" }).ClickAsync();
        await ExpectNoticeAsync(page, "已发布 1 条草稿");
        await Expect(page.Locator("tr").Filter(new() { HasText = "帮老人打扫卫生" }).Locator(".badge")).ToHaveTextAsync("待接单");
        await Axe.AssertNoSeriousViolationsAsync(page, "the needs list");
        await ScreenshotAsync(page, "branch-needs");

        // A team serves another need; the branch rates it on its page.
        var branch = street.Branch;
        var needId = await street.PublishNeedAsync("陪老人散步");
        var team = street.Teams[0].Client;
        await Eventually.ReturnsAsync(() => team.PostAsync($"/api/orders/{needId}/claim"), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the order should reach the hall");
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/orders/{needId}/start")).Status);
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/orders/{needId}/complete", new { serviceHours = 2, volunteersCount = 2, summary = "散步一小时" })).Status);
        await Eventually.TrueAsync(async () => (await branch.GetAsync($"/api/needs/{needId}")).Body?["status"]?.GetValue<string>() == "completed",
            TimeSpan.FromSeconds(30), "the branch should see the completion");
        await page.GotoAsync($"/#/needs/{needId}");
        await ExpectHeadingAsync(page, "陪老人散步");
        await page.GetByLabel("评分").SelectOptionAsync("4");
        await page.GetByLabel("评价", new() { Exact = true }).FillAsync("准时，耐心");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await ExpectNoticeAsync(page, "评价已提交");
        await Expect(page.Locator(".meta .badge").First).ToHaveTextAsync("已评价");
        await ScreenshotAsync(page, "branch-rated");

        // Cancelling asks for the reason on the page; the timeline keeps it.
        var cancelled = await street.PublishNeedAsync("取消的探访");
        await page.GotoAsync($"/#/needs/{cancelled}");
        await ExpectHeadingAsync(page, "取消的探访");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销需求" }).ClickAsync();
        await page.GetByLabel("撤销原因", new() { Exact = true }).FillAsync("老人已住院");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await ExpectNoticeAsync(page, "已撤销");
        await Expect(page.Locator(".meta .badge").First).ToHaveTextAsync("已撤销");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("老人已住院");
    }
}
