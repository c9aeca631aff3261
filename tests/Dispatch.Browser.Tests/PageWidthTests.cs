using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

/// <summary>
/// Every page of every role on a 390 px phone and a 1280 px desk: nothing wider than the screen (no sideways
/// scrolling, no table past its edge), titles readable in full, axe clean; a screenshot of each at both widths.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class PageWidthTests(BrowserSystem system)
{
    private const string LongTitle = "为行动不便的独居老人每周两次上门送餐并陪伴聊天";

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Every_page_of_every_role_fits_the_screen(int width)
    {
        using var street = await system.StreetAsync($"page-width-{width}");
        var needId = await street.PublishNeedAsync(LongTitle);
        var team = street.Teams[0];
        var branch = street.Communities[0].BranchUsername;
        var pages = new (string Username, string Password, string Role, (string Name, string Hash, string Heading)[] Routes)[]
        {
            (team.Username, street.Password, "team", [("hall", "#/hall", "派单大厅"), ("mine", "#/mine", "我的订单"), ("profile", "#/profile", "本队服务清单")]),
            (branch, street.Password, "branch",
                [("needs", "#/needs", "需求清单"), ("new-need", "#/needs/new", "新建需求"), ("need", $"#/needs/{needId}", LongTitle), ("import", "#/import", "导入需求清单")]),
            (street.CoordinatorUsername, street.Password, "coordinator",
            [
                ("dashboard", "#/dashboard", "数据看板"), ("teams", "#/teams", "孵化看板"), ("register", "#/teams/new", "登记队伍"),
                ("roster", "#/teams/import", "导入队伍花名册"), ("team", $"#/teams/{team.Id}", team.Name),
                ("edit-team", $"#/teams/{team.Id}/edit", $"编辑服务清单：{team.Name}"), ("changes", "#/changes", "变更审批"),
                ("meeting", "#/meeting", "项目供需对接会"),
            ]),
            ("admin", DispatchSystem.AdminPassword, "admin", [("dashboard", "#/dashboard", "数据看板")]),
        };

        var signIn = await system.NewPageAsync(phone: width < 1000);
        await signIn.GotoAsync("/");
        await ExpectHeadingAsync(signIn, "登录");
        await FitsAsync(signIn, $"sign-in-{width}");
        foreach (var (username, password, role, routes) in pages)
        {
            var page = await system.NewPageAsync(phone: width < 1000);
            await SignInAsync(page, username, password);
            await Expect(page.Locator("#who")).ToContainTextAsync(username);
            foreach (var (name, hash, heading) in routes)
            {
                await page.GotoAsync($"/{hash}");
                await ExpectHeadingAsync(page, heading);
                await FitsAsync(page, $"{role}-{name}-{width}");
            }
        }

        // The branch's needs list: on a phone each need is a card whose title runs across it, not a column one character wide.
        var needs = await system.NewPageAsync(phone: width < 1000);
        await SignInAsync(needs, branch);
        var title = needs.Locator($"tr[data-need-id='{needId}'] a");
        await Expect(title).ToHaveTextAsync(LongTitle);
        var box = (await title.BoundingBoxAsync())!;
        Assert.True(box.Width >= 200, $"the title is {box.Width} px wide at {width} px");
        Assert.True(box.Height <= 3 * 26, $"the title takes {box.Height} px of height at {width} px: it wraps too often");
    }
}
