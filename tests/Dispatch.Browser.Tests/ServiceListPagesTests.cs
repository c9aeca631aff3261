using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

/// <summary>
/// The service lists (服务清单) in the browser: the coordinator registers teams by form and by roster and reads a
/// team's profile; a team keeps its own list and proposes changes the coordinator approves; a suspended team's order
/// is reassigned. Each test has its own street.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ServiceListPagesTests(BrowserSystem system)
{
    [Fact]
    public async Task A_coordinator_registers_a_team_by_form_imports_a_roster_and_reads_the_teams_profile()
    {
        using var street = await system.StreetAsync("service-list-form", more => more.Community("光州社区"));
        var page = await system.NewPageAsync();
        await SignInAsync(page, street.CoordinatorUsername);
        await page.GetByRole(AriaRole.Link, new() { Name = "登记队伍" }).ClickAsync();
        await ExpectHeadingAsync(page, "登记队伍");
        await page.GetByLabel("队伍名称").FillAsync("汇泉书画志愿队");
        await page.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "志愿服务队伍" });
        await page.GetByLabel("所在社区").SelectOptionAsync(new SelectOptionValue { Label = "汇泉社区" });
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "文化活动" }).CheckAsync();
        await page.GetByLabel("技能").FillAsync("书法、国画");
        await page.GetByLabel("服务范围").SelectOptionAsync(new SelectOptionValue { Label = "全街道" });
        await page.GetByLabel("承接能力", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("承接能力上限").FillAsync("4");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "周末" }).CheckAsync();
        await page.GetByLabel("成员数").FillAsync("12");
        await page.GetByLabel("负责人", new() { Exact = true }).FillAsync("孙老师");
        await page.GetByLabel("负责人电话").FillAsync("13800005555");
        await Axe.AssertNoSeriousViolationsAsync(page, "the registration form");
        await ScreenshotAsync(page, "coordinator-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        await ExpectNoticeAsync(page, "已登记：汇泉书画志愿队");
        await ExpectHeadingAsync(page, "汇泉书画志愿队");
        var list = page.Locator(".service-list");
        await Expect(list).ToContainTextAsync("文化活动");
        await Expect(list).ToContainTextAsync("书法、国画");
        await Expect(list).ToContainTextAsync("同时最多 2 单（上限 4 单");
        await Expect(list).ToContainTextAsync("孙老师 13800005555");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("孵化中");
        await Expect(page.Locator(".figures")).ToContainTextAsync("接单");
        await Axe.AssertNoSeriousViolationsAsync(page, "a team's profile");
        await ScreenshotAsync(page, "coordinator-team");

        // The team's account, made on its profile: the one-time password is shown there once, and signs the team in.
        var accounts = page.GetByRole(AriaRole.List, new() { Name = "汇泉书画志愿队的账号" });
        await Expect(accounts.Locator("li")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建队伍账号" }).ClickAsync();
        await ExpectNoticeAsync(page, "已创建账号 team-");
        await Expect(accounts.Locator("li")).ToHaveCountAsync(1);
        await Expect(accounts).ToContainTextAsync("待设置新密码");
        var username = await accounts.Locator("strong").InnerTextAsync();
        var oneTimePassword = await page.Locator($".secret[data-username='{username}']").InnerTextAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "a team's profile with its new account");
        await ScreenshotAsync(page, "coordinator-team-account");
        var teamPage = await system.NewPageAsync(phone: true);
        await ChooseOwnPasswordAsync(teamPage, username, oneTimePassword, "Shuhua-2026");
        await Expect(teamPage.Locator("#who")).ToContainTextAsync(username);

        // The coordinator edits the service list; the change log names who made it.
        await page.GetByRole(AriaRole.Link, new() { Name = "编辑服务清单" }).ClickAsync();
        await ExpectHeadingAsync(page, "编辑服务清单：汇泉书画志愿队");
        await page.GetByLabel("成员数").FillAsync("15");
        await Axe.AssertNoSeriousViolationsAsync(page, "the service-list editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存服务清单" }).ClickAsync();
        await ExpectNoticeAsync(page, "服务清单已保存");
        await Expect(page.Locator(".service-list")).ToContainTextAsync("15 人");
        await Expect(page.Locator(".change-log")).ToContainTextAsync("成员数：12 人 → 15 人");
        await Expect(page.Locator(".change-log")).ToContainTextAsync(street.CoordinatorUsername);

        // A roster of three rows: two teams, one row without a name; the report says which.
        await page.GetByRole(AriaRole.Link, new() { Name = "导入花名册" }).ClickAsync();
        await ExpectHeadingAsync(page, "导入队伍花名册");
        var roster = "队伍名称,社区,服务类别,技能,承接能力,成员数,负责人,联系电话\n" +
            "光州舞蹈队,光州社区,文化活动,广场舞,2,18,钱老师,13800006666\n" +
            "汇泉剪纸社,汇泉社区,文化活动,剪纸,1,6,赵老师,13800007777\n" +
            ",汇泉社区,文化活动,,1,6,无名,13800008888\n";
        await page.GetByLabel("队伍花名册文件", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "花名册.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(roster),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await ExpectNoticeAsync(page, "新增 2 支队伍");
        var report = page.Locator(".report table");
        await Expect(report.Locator("tr.created")).ToHaveCountAsync(2);
        await Expect(report.Locator("tr.invalid")).ToContainTextAsync("队伍名称填写有误");
        await Axe.AssertNoSeriousViolationsAsync(page, "the roster report");
        await ScreenshotAsync(page, "coordinator-roster");
        await report.GetByRole(AriaRole.Link, new() { Name = "汇泉剪纸社" }).ClickAsync();
        await ExpectHeadingAsync(page, "汇泉剪纸社");
    }

    [Fact]
    public async Task A_team_changes_its_availability_at_once_and_a_new_skill_once_the_coordinator_approves_it()
    {
        using var street = await system.StreetAsync("service-list-team", more => more.Team(new TeamPlan("汇泉京剧队") { Categories = ["culture"], Skills = ["京剧"] }));
        var team = street.Teams[2];
        var teamPage = await system.NewPageAsync(phone: true);
        await SignInAsync(teamPage, team.Username);
        await teamPage.GetByRole(AriaRole.Link, new() { Name = "本队服务清单" }).ClickAsync();
        await ExpectHeadingAsync(teamPage, "本队服务清单");

        var own = teamPage.GetByRole(AriaRole.Form, new() { Name = "本队情况" });
        await own.GetByRole(AriaRole.Checkbox, new() { Name = "周末" }).CheckAsync();
        await own.GetByRole(AriaRole.Checkbox, new() { Name = "晚上" }).CheckAsync();
        await own.GetByRole(AriaRole.Button, new() { Name = "保存（立即生效）" }).ClickAsync();
        await ExpectNoticeAsync(teamPage, "已保存");
        await Expect(teamPage.Locator(".service-list")).ToContainTextAsync("晚上");

        var proposal = teamPage.GetByRole(AriaRole.Form, new() { Name = "申请变更服务内容" });
        await proposal.GetByLabel("技能").FillAsync("京剧、二胡");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "提交协调员审批" }).ClickAsync();
        await ExpectNoticeAsync(teamPage, "等待街道协调员审批");
        await Expect(teamPage.Locator(".pending")).ToContainTextAsync("技能：京剧 → 京剧、二胡");
        await Expect(teamPage.Locator(".service-list")).Not.ToContainTextAsync("二胡");
        await Axe.AssertNoSeriousViolationsAsync(teamPage, "the team's service list");
        await ScreenshotAsync(teamPage, "team-profile");

        var page = await system.NewPageAsync();
        await SignInAsync(page, street.CoordinatorUsername);
        await page.GetByRole(AriaRole.Link, new() { Name = "变更审批" }).ClickAsync();
        await ExpectHeadingAsync(page, "变更审批");
        var card = page.Locator($"li.card[data-change-id]").Filter(new() { HasText = "汇泉京剧队" });
        await Expect(card).ToContainTextAsync("京剧、二胡");
        await Axe.AssertNoSeriousViolationsAsync(page, "the changes to approve");
        await ScreenshotAsync(page, "coordinator-changes");
        await card.GetByRole(AriaRole.Button, new() { Name = "批准：汇泉京剧队的变更" }).ClickAsync();
        await ExpectNoticeAsync(page, "已批准汇泉京剧队的变更");
        await Expect(card).ToHaveCountAsync(0);

        await teamPage.ReloadAsync();
        await ExpectHeadingAsync(teamPage, "本队服务清单");
        await Expect(teamPage.Locator(".service-list")).ToContainTextAsync("京剧、二胡");
        await Expect(teamPage.Locator(".pending")).ToHaveCountAsync(0);
        await Expect(teamPage.Locator(".change-log")).ToContainTextAsync($"已批准：{street.CoordinatorUsername}");
        var saved = (await street.Coordinator.GetAsync($"/api/teams/{team.Id}")).Body!;
        Assert.Equal(["weekends", "evenings"], saved["availability"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task A_coordinator_suspends_a_team_and_reassigns_its_order_to_another_team_which_accepts_it()
    {
        using var street = await system.StreetAsync("service-list-reassign", more => more
            .Team(new TeamPlan("光州秧歌队") { Categories = ["culture"], Capacity = 3 })
            .Team(new TeamPlan("光州腰鼓队") { Categories = ["culture"], Capacity = 3 }));
        var (suspended, next) = (street.Teams[2], street.Teams[3]);
        var needId = await street.PublishNeedAsync("社区元宵节文艺演出", category: "culture");
        await Eventually.ReturnsAsync(() => suspended.Client.PostAsync($"/api/orders/{needId}/claim"), r => r.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the order should reach the hall");

        var page = await system.NewPageAsync();
        await SignInAsync(page, street.CoordinatorUsername);
        await ExpectHeadingAsync(page, "数据看板");
        await page.GotoAsync($"/#/teams/{suspended.Id}");
        await ExpectHeadingAsync(page, "光州秧歌队");
        await page.GetByRole(AriaRole.Button, new() { Name = "暂停：光州秧歌队" }).ClickAsync();
        await page.GetByLabel("暂停光州秧歌队的原因", new() { Exact = true }).FillAsync("演出安全培训未完成");
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await ExpectNoticeAsync(page, "暂停完成");

        var order = page.Locator($"li.card.order[data-need-id='{needId}']");
        var form = order.GetByRole(AriaRole.Form, new() { Name = "改派：社区元宵节文艺演出" });
        await form.GetByLabel("改派给").SelectOptionAsync(new SelectOptionValue { Label = "光州腰鼓队（能力 3 单）" });
        await Expect(form.GetByLabel("改派给").Locator("option")).ToHaveCountAsync(2); // the hall, and the one other team of culture
        await form.GetByLabel("改派原因").FillAsync("原队伍暂停，改派腰鼓队");
        await Axe.AssertNoSeriousViolationsAsync(page, "a suspended team's profile");
        await ScreenshotAsync(page, "coordinator-reassign");
        await ConfirmReassignmentAsync(page, form, "光州腰鼓队");
        await Expect(order).ToHaveCountAsync(0); // no longer the suspended team's

        var teamPage = await system.NewPageAsync(phone: true);
        await SignInAsync(teamPage, next.Username);
        var card = Card(teamPage, "社区元宵节文艺演出");
        await Expect(card.Locator(".badge.accent")).ToHaveTextAsync("指派给本队");
        await card.GetByRole(AriaRole.Button, new() { Name = "接受指派" }).ClickAsync();
        await ExpectNoticeAsync(teamPage, "接单成功");

        // The branch reads on its phone who moved the order and why.
        var branchPage = await system.NewPageAsync(phone: true);
        await SignInAsync(branchPage, street.Communities[0].BranchUsername);
        await ExpectHeadingAsync(branchPage, "需求清单");
        await branchPage.GotoAsync($"/#/needs/{needId}");
        await ExpectHeadingAsync(branchPage, "社区元宵节文艺演出");
        await Expect(branchPage.Locator(".timeline")).ToContainTextAsync("从光州秧歌队改派给光州腰鼓队 · 原队伍暂停，改派腰鼓队");
        await Expect(branchPage.Locator(".details")).ToContainTextAsync("光州腰鼓队");
        await ScreenshotAsync(branchPage, "branch-need-reassigned");
    }
}
