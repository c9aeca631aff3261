using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

/// <summary>
/// A street set up from nothing in the browser alone: a system of its own with only the admin in it (as
/// <c>./run.sh</c> without <c>--demo</c> leaves it), then the admin, the coordinator, two teams and a branch do
/// everything through the pages — places, accounts, teams and their service lists, a need, a claim and a reassignment.
/// Every page on the way is checked at 390 px and 1280 px (no sideways scrolling, axe) and kept as two screenshots,
/// TestResults/browser/setup-*-390.png and -1280.png.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class StreetSetupTests(BrowserSystem system)
{
    private const string Street = "凤凰台街道";
    private static readonly string[] Communities = ["凤凰社区", "西山社区", "南山社区", "海岸社区", "青年社区"];
    private const string FormTeam = "凤凰理发志愿队";
    private const string NextTeam = "西山陪伴志愿队";
    private const string NeedTitle = "为独居老人上门理发并陪伴聊天";

    /// <summary>The roster: ten teams of the street, one of them (<see cref="NextTeam"/>) able to take the need later.</summary>
    private static readonly string Roster = "队伍名称,类型,社区,服务类别,技能,服务范围,承接能力,成员数,负责人,联系电话,服务时间,导师\n" +
        $"{NextTeam},志愿服务队伍,西山社区,养老服务,理发、陪伴聊天,全街道,2,10,周大姐,13800000001,工作日,王社工\n" +
        "南山助残服务队,志愿服务队伍,南山社区,助残,手语,全街道,1,6,吴师傅,13800000002,周末,王社工\n" +
        "海岸环保志愿队,志愿服务队伍,海岸社区,环境整治,垃圾分类,本社区,2,15,郑老师,13800000003,周末,\n" +
        "青年反诈宣讲队,志愿服务队伍,青年社区,防诈宣传,宣讲,全街道,1,8,冯警官,13800000004,晚上,\n" +
        "凤凰法律咨询站,社区社会组织,凤凰社区,法律咨询,法律,全街道,1,4,陈律师,13800000005,工作日,\n" +
        "西山儿童成长社,社区社会组织,西山社区,儿童福利,课业辅导,本社区,2,9,褚老师,13800000006,周末,王社工\n" +
        "南山心理驿站,社区社会组织,南山社区,心理疏导,心理咨询,全街道,1,3,卫医生,13800000007,晚上,\n" +
        "海岸文明交通队,志愿服务队伍,海岸社区,文明交通,交通劝导,本社区,2,20,蒋队长,13800000008,工作日,\n" +
        "青年文艺志愿队,志愿服务队伍,青年社区,文化活动,合唱,全街道,1,12,沈老师,13800000009,周末,\n" +
        "凤凰健康守护队,志愿服务队伍,凤凰社区,医疗健康,量血压,全街道,1,7,韩护士,13800000010,工作日,\n";

    [Fact]
    public async Task A_street_goes_from_an_empty_system_to_a_reassigned_order_in_the_browser_alone()
    {
        var empty = await DispatchSystem.StartAsync(new DispatchSystemOptions());
        try
        {
            await SetUpAsync(empty.Gateway);
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    private async Task SetUpAsync(Uri gateway)
    {
        // 1. The admin finds nothing, imports a street of five communities and makes the coordinator's and the branches' accounts.
        var admin = await system.NewPageAsync(gateway: gateway);
        await SignInAsync(admin, "admin", DispatchSystem.AdminPassword);
        await ExpectHeadingAsync(admin, "数据看板");
        await Expect(admin.Locator("main")).ToContainTextAsync("还没有任何街道");
        await FitsBothWidthsAsync(admin, "setup-admin-empty-dashboard");

        await Nav(admin, "区划管理").ClickAsync();
        await ExpectHeadingAsync(admin, "区划管理");
        var places = "区/县,街道/镇,社区/村,党组织\n" + string.Concat(Communities.Select(c => $"芝罘区,{Street},{c},{c}党支部\n"));
        await admin.GetByLabel("区划名单文件", new() { Exact = false }).SetInputFilesAsync(Csv("区划名单.csv", places));
        await admin.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await ExpectNoticeAsync(admin, "新增社区（村）5 个，新增区/县 1 个、街道/镇 1 个");
        await Expect(admin.Locator("li[data-street-id] li[data-community-id]")).ToHaveCountAsync(5);
        await FitsBothWidthsAsync(admin, "setup-admin-places");

        await Nav(admin, "账号管理").ClickAsync();
        await ExpectHeadingAsync(admin, "账号管理");
        var create = admin.GetByRole(AriaRole.Form, new() { Name = "新建账号" });
        await create.GetByLabel("角色").SelectOptionAsync("coordinator");
        await create.GetByLabel("所属街道").SelectOptionAsync(new SelectOptionValue { Label = $"芝罘区 · {Street}" });
        await create.GetByLabel("用户名").FillAsync("fenghuang-coordinator");
        await create.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await ExpectNoticeAsync(admin, "已创建账号 fenghuang-coordinator");
        var coordinatorPassword = await admin.Locator(".secret[data-username='fenghuang-coordinator']").InnerTextAsync();

        var branches = admin.GetByRole(AriaRole.Form, new() { Name = "批量创建党支部账号" });
        await branches.GetByLabel("街道").SelectOptionAsync(new SelectOptionValue { Label = $"芝罘区 · {Street}" });
        await branches.GetByRole(AriaRole.Button, new() { Name = "创建该街道全部党支部账号" }).ClickAsync();
        await ExpectNoticeAsync(admin, "已创建 5 个账号，0 行未创建");
        var branchAccounts = admin.GetByRole(AriaRole.List, new() { Name = "批量创建结果" }).Locator("li");
        await Expect(branchAccounts.Locator(".secret")).ToHaveCountAsync(5);
        var (branchUsername, branchPassword) = await MadeAsync(branchAccounts, "凤凰社区党支部");
        await FitsBothWidthsAsync(admin, "setup-admin-accounts");

        // 2. The coordinator signs in with its one-time password and chooses its own.
        var coordinator = await system.NewPageAsync(gateway: gateway);
        await ChooseOwnPasswordAsync(coordinator, "fenghuang-coordinator", coordinatorPassword, "Fenghuang-2026", "setup-first-password");
        await ExpectHeadingAsync(coordinator, "数据看板");
        await FitsBothWidthsAsync(coordinator, "setup-coordinator-dashboard");

        // 3. One team by form, ten by roster; all eleven hatched, and their accounts made in one step.
        await Nav(coordinator, "登记队伍").ClickAsync();
        await ExpectHeadingAsync(coordinator, "登记队伍");
        await coordinator.GetByLabel("队伍名称").FillAsync(FormTeam);
        await coordinator.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "志愿服务队伍" });
        await coordinator.GetByLabel("所在社区").SelectOptionAsync(new SelectOptionValue { Label = "凤凰社区" });
        await coordinator.GetByRole(AriaRole.Checkbox, new() { Name = "养老服务" }).CheckAsync();
        await coordinator.GetByLabel("技能").FillAsync("理发");
        await coordinator.GetByLabel("服务范围").SelectOptionAsync(new SelectOptionValue { Label = "全街道" });
        await coordinator.GetByLabel("承接能力", new() { Exact = true }).FillAsync("2");
        await coordinator.GetByLabel("承接能力上限").FillAsync("4");
        await coordinator.GetByRole(AriaRole.Checkbox, new() { Name = "工作日" }).CheckAsync();
        await coordinator.GetByLabel("成员数").FillAsync("8");
        await coordinator.GetByLabel("负责人", new() { Exact = true }).FillAsync("李师傅");
        await coordinator.GetByLabel("负责人电话").FillAsync("13800001111");
        await FitsBothWidthsAsync(coordinator, "setup-register");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await ExpectNoticeAsync(coordinator, $"已登记：{FormTeam}");
        await ExpectHeadingAsync(coordinator, FormTeam);
        await Expect(coordinator.Locator(".service-list")).ToContainTextAsync("理发");
        await FitsBothWidthsAsync(coordinator, "setup-team-profile");

        await Nav(coordinator, "导入花名册").ClickAsync();
        await ExpectHeadingAsync(coordinator, "导入队伍花名册");
        await coordinator.GetByLabel("队伍花名册文件", new() { Exact = false }).SetInputFilesAsync(Csv("花名册.csv", Roster));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await ExpectNoticeAsync(coordinator, "新增 10 支队伍，重复 0 支，有误 0 行");
        await Expect(coordinator.Locator(".report table tr.created")).ToHaveCountAsync(10);
        await FitsBothWidthsAsync(coordinator, "setup-roster");

        await Nav(coordinator, "孵化看板").ClickAsync();
        await ExpectHeadingAsync(coordinator, "孵化看板");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "全部孵化出壳（11）" }).ClickAsync();
        await ExpectNoticeAsync(coordinator, "已孵化出壳 11 支队伍");
        await Expect(coordinator.GetByRole(AriaRole.Region, new() { Name = "已孵化（11）" }).Locator("li.card")).ToHaveCountAsync(11);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "为尚无账号的队伍创建账号（11）" }).ClickAsync();
        await ExpectNoticeAsync(coordinator, "已创建 11 个账号，0 行未创建");
        var teamAccounts = coordinator.GetByRole(AriaRole.List, new() { Name = "批量创建结果" }).Locator("li");
        await Expect(teamAccounts.Locator(".secret")).ToHaveCountAsync(11);
        await Expect(coordinator.GetByRole(AriaRole.Button, new() { Name = "为尚无账号的队伍创建账号", Exact = false })).ToHaveCountAsync(0);
        var (formTeamUsername, formTeamPassword) = await MadeAsync(teamAccounts, FormTeam);
        var (nextTeamUsername, nextTeamPassword) = await MadeAsync(teamAccounts, NextTeam);
        await FitsBothWidthsAsync(coordinator, "setup-board");

        // 4. The team signs in, changes its availability at once and proposes a new skill; the coordinator approves it.
        var team = await system.NewPageAsync(phone: true, gateway: gateway);
        await ChooseOwnPasswordAsync(team, formTeamUsername, formTeamPassword, "Lishifu-2026");
        await ExpectHeadingAsync(team, "派单大厅");
        await FitsBothWidthsAsync(team, "setup-team-hall");
        await Nav(team, "本队服务清单").ClickAsync();
        await ExpectHeadingAsync(team, "本队服务清单");
        var own = team.GetByRole(AriaRole.Form, new() { Name = "本队情况" });
        await own.GetByRole(AriaRole.Checkbox, new() { Name = "周末" }).CheckAsync();
        await own.GetByRole(AriaRole.Button, new() { Name = "保存（立即生效）" }).ClickAsync();
        await ExpectNoticeAsync(team, "已保存");
        await Expect(team.Locator(".service-list")).ToContainTextAsync("工作日、周末");
        var proposal = team.GetByRole(AriaRole.Form, new() { Name = "申请变更服务内容" });
        await proposal.GetByLabel("技能").FillAsync("理发、陪伴聊天");
        await proposal.GetByRole(AriaRole.Button, new() { Name = "提交协调员审批" }).ClickAsync();
        await ExpectNoticeAsync(team, "等待街道协调员审批");
        await Expect(team.Locator(".pending")).ToContainTextAsync("技能：理发 → 理发、陪伴聊天");
        await FitsBothWidthsAsync(team, "setup-team-service-list");

        await Nav(coordinator, "变更审批").ClickAsync();
        await ExpectHeadingAsync(coordinator, "变更审批");
        var change = coordinator.Locator("li.card[data-change-id]").Filter(new() { HasText = FormTeam });
        await Expect(change).ToContainTextAsync("理发、陪伴聊天");
        await FitsBothWidthsAsync(coordinator, "setup-changes");
        await change.GetByRole(AriaRole.Button, new() { Name = $"批准：{FormTeam}的变更" }).ClickAsync();
        await ExpectNoticeAsync(coordinator, $"已批准{FormTeam}的变更");
        await team.ReloadAsync();
        await ExpectHeadingAsync(team, "本队服务清单");
        await Expect(team.Locator(".service-list")).ToContainTextAsync("理发、陪伴聊天");

        // 5. The branch, on its phone, publishes a need only a team with both skills may take; the team claims it.
        var branch = await system.NewPageAsync(phone: true, gateway: gateway);
        await ChooseOwnPasswordAsync(branch, branchUsername, branchPassword, "Fenghuang-dangzhibu-1");
        await ExpectHeadingAsync(branch, "需求清单");
        await FitsBothWidthsAsync(branch, "setup-branch-needs-empty");
        await Nav(branch, "新建需求").ClickAsync();
        await ExpectHeadingAsync(branch, "新建需求");
        var day = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await branch.GetByLabel("标题").FillAsync(NeedTitle);
        await branch.GetByLabel("类别").SelectOptionAsync("elderly_care");
        await branch.GetByLabel("人数", new() { Exact = true }).FillAsync("2");
        await branch.GetByLabel("技能").FillAsync("理发、陪伴聊天");
        await branch.GetByLabel("开始时间").FillAsync($"{day}T09:00");
        await branch.GetByLabel("结束时间").FillAsync($"{day}T11:00");
        await branch.GetByLabel("地址").FillAsync("凤凰社区3号楼2单元");
        await branch.GetByLabel("联系人").FillAsync("刘奶奶");
        await branch.GetByLabel("联系电话").FillAsync("13900003333");
        await FitsBothWidthsAsync(branch, "setup-branch-new-need");
        await branch.GetByRole(AriaRole.Button, new() { Name = "保存为草稿" }).ClickAsync();
        await ExpectHeadingAsync(branch, NeedTitle);
        await branch.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await ExpectNoticeAsync(branch, "已发布到派单大厅");
        await Expect(branch.Locator(".meta .badge").First).ToHaveTextAsync("待接单");
        await FitsBothWidthsAsync(branch, "setup-branch-need");

        await Nav(team, "派单大厅").ClickAsync();
        var order = Card(team, NeedTitle);
        await SeenInTheHallAsync(team, order);
        await FitsBothWidthsAsync(team, "setup-team-hall-order");
        await order.GetByRole(AriaRole.Button, new() { Name = "接单" }).ClickAsync();
        await ExpectNoticeAsync(team, "接单成功");

        // 6. The coordinator suspends the team and reassigns its order to another team, which accepts it.
        await Nav(coordinator, "孵化看板").ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = FormTeam, Exact = true }).ClickAsync();
        await ExpectHeadingAsync(coordinator, FormTeam);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"暂停：{FormTeam}" }).ClickAsync();
        await coordinator.GetByLabel($"暂停{FormTeam}的原因", new() { Exact = true }).FillAsync("负责人住院，暂停服务");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await ExpectNoticeAsync(coordinator, "暂停完成");
        var held = coordinator.Locator("li.card.order").Filter(new() { HasText = NeedTitle });
        var reassign = held.GetByRole(AriaRole.Form, new() { Name = $"改派：{NeedTitle}" });
        await reassign.GetByLabel("改派给").SelectOptionAsync(new SelectOptionValue { Label = $"{NextTeam}（能力 2 单）" });
        await reassign.GetByLabel("改派原因").FillAsync("原队伍暂停，改派西山陪伴志愿队");
        await FitsBothWidthsAsync(coordinator, "setup-reassign");
        await ConfirmReassignmentAsync(coordinator, reassign, NextTeam);
        await Expect(held).ToHaveCountAsync(0);

        var next = await system.NewPageAsync(phone: true, gateway: gateway);
        await ChooseOwnPasswordAsync(next, nextTeamUsername, nextTeamPassword, "Zhoudajie-2026");
        await ExpectHeadingAsync(next, "派单大厅");
        var directed = Card(next, NeedTitle);
        await SeenInTheHallAsync(next, directed);
        await Expect(directed.Locator(".badge.accent")).ToHaveTextAsync("指派给本队");
        await FitsBothWidthsAsync(next, "setup-team-directed");
        await directed.GetByRole(AriaRole.Button, new() { Name = "接受指派" }).ClickAsync();
        await ExpectNoticeAsync(next, "接单成功");

        // The branch reads on its phone who has its need now, and why it moved.
        // The needs service hears of the acceptance by an event.
        await ReloadUntilAsync(branch, NeedTitle, branch.Locator(".timeline"),
            branch.Locator(".meta .badge").First.Filter(new() { HasTextString = "已接单" }), "the branch should see its need claimed again");
        await Expect(branch.Locator(".timeline")).ToContainTextAsync($"从{FormTeam}改派给{NextTeam} · 原队伍暂停，改派西山陪伴志愿队");
        await Expect(branch.Locator(".details")).ToContainTextAsync(NextTeam);
        await FitsBothWidthsAsync(branch, "setup-branch-need-reassigned");
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    /// <summary>The username and one-time password a batch made for <paramref name="boundTo"/> (a team's or branch's name).</summary>
    private static async Task<(string Username, string Password)> MadeAsync(ILocator rows, string boundTo)
    {
        var row = rows.Filter(new() { HasTextString = $"{boundTo}：" });
        return (await row.Locator("strong").InnerTextAsync(), await row.Locator(".secret").InnerTextAsync());
    }

    /// <summary>
    /// Waits until the hall shows the order, reloading it: matching learns of the need and of the team's approved skill by
    /// events, and the hall's live stream brings new orders, not orders the team has only just become able to take.
    /// </summary>
    private static Task SeenInTheHallAsync(IPage page, ILocator order) =>
        ReloadUntilAsync(page, "派单大厅", page.Locator(".count"), order, "the order should reach the team's hall");

    /// <summary>Reloads the page until <paramref name="shown"/> is there once <paramref name="loaded"/> has text.</summary>
    private static Task ReloadUntilAsync(IPage page, string heading, ILocator loaded, ILocator shown, string because) =>
        Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            await ExpectHeadingAsync(page, heading);
            await Expect(loaded).Not.ToBeEmptyAsync();
            return await shown.CountAsync() > 0;
        }, TimeSpan.FromSeconds(60), because);
}
