using System.Text;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class AdminPagesTests(BrowserSystem system)
{
    private static readonly string[] Communities = ["罗峰社区", "金晖社区", "温泉社区", "府前社区", "魁星社区"];

    [Fact]
    public async Task The_admin_imports_a_street_creates_its_coordinator_and_branch_accounts_and_the_coordinator_sets_its_own_password()
    {
        var page = await system.NewPageAsync();
        await SignInAsync(page, "admin", DispatchSystem.AdminPassword);
        await ExpectHeadingAsync(page, "数据看板");

        // The place list: a street of five communities, imported twice (the second time adds nothing).
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "区划管理" }).ClickAsync();
        await ExpectHeadingAsync(page, "区划管理");
        var csv = "区/县,街道/镇,社区/村,党组织\n" + string.Concat(Communities.Select(c => $"招远市,泉山街道,{c},{c}党支部\n"));
        var file = new FilePayload { Name = "区划名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };
        await page.GetByLabel("区划名单文件", new() { Exact = false }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await ExpectNoticeAsync(page, "新增社区（村）5 个");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "逐行结果" }).Locator("li.created")).ToHaveCountAsync(5);
        var street = page.Locator("li[data-street-id]").Filter(new() { Has = page.Locator(".name", new() { HasTextString = "泉山街道" }) });
        await Expect(street.Locator("li[data-community-id]")).ToHaveCountAsync(5);
        await page.GetByLabel("区划名单文件", new() { Exact = false }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await ExpectNoticeAsync(page, "已存在 5 个");
        await Expect(street.Locator("li[data-community-id]")).ToHaveCountAsync(5);

        // One community's party branch gets its full name.
        await page.GetByRole(AriaRole.Button, new() { Name = "改名：罗峰社区" }).ClickAsync();
        var rename = page.GetByRole(AriaRole.Form, new() { Name = "社区/村改名：罗峰社区" });
        await rename.GetByLabel("党组织名称").FillAsync("罗峰社区党委");
        await rename.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await ExpectNoticeAsync(page, "已保存：罗峰社区");
        await Expect(street.Locator("li[data-community-id]").Filter(new() { HasTextString = "罗峰社区" })).ToContainTextAsync("罗峰社区党委");
        await Axe.AssertNoSeriousViolationsAsync(page, "the place directory");
        await ScreenshotAsync(page, "admin-places");

        // The coordinator's account, with a one-time password shown once.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "账号管理" }).ClickAsync();
        await ExpectHeadingAsync(page, "账号管理");
        var create = page.GetByRole(AriaRole.Form, new() { Name = "新建账号" });
        await create.GetByLabel("角色").SelectOptionAsync("coordinator");
        await create.GetByLabel("所属街道").SelectOptionAsync(new SelectOptionValue { Label = "招远市 · 泉山街道" });
        await create.GetByLabel("用户名").FillAsync("quanshan-coordinator");
        await create.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();
        await ExpectNoticeAsync(page, "已创建账号 quanshan-coordinator");
        var oneTimePassword = await page.Locator(".secret[data-username='quanshan-coordinator']").InnerTextAsync();
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", oneTimePassword);

        // The street's five branch accounts at once, as a list to print and a CSV.
        var batch = page.GetByRole(AriaRole.Form, new() { Name = "批量创建党支部账号" });
        await batch.GetByLabel("街道").SelectOptionAsync(new SelectOptionValue { Label = "招远市 · 泉山街道" });
        await batch.GetByRole(AriaRole.Button, new() { Name = "创建该街道全部党支部账号" }).ClickAsync();
        await ExpectNoticeAsync(page, "已创建 5 个账号");
        var made = page.GetByRole(AriaRole.List, new() { Name = "批量创建结果" }).Locator("li");
        await Expect(made).ToHaveCountAsync(5);
        await Expect(made.Locator(".secret")).ToHaveCountAsync(5);
        await Expect(made.Filter(new() { HasTextString = "罗峰社区党委" })).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 CSV" }).ClickAsync());
        var saved = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("一次性密码", saved, StringComparison.Ordinal);
        Assert.Equal(6, saved.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // The accounts of the street, found by its place; one is disabled and enabled again.
        var search = page.GetByRole(AriaRole.Form, new() { Name = "查找账号" });
        await search.GetByLabel("街道").SelectOptionAsync(new SelectOptionValue { Label = "招远市 · 泉山街道" });
        await search.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var cards = page.Locator("li.card[data-account-id]");
        await Expect(cards).ToHaveCountAsync(6);
        await Expect(cards.Filter(new() { HasTextString = "quanshan-coordinator" })).ToContainTextAsync("待设置新密码");
        await search.GetByLabel("角色").SelectOptionAsync("branch");
        await search.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(cards).ToHaveCountAsync(5);
        var branchName = await cards.First.Locator("h3").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"停用：{branchName}" }).ClickAsync();
        await ExpectNoticeAsync(page, $"已停用 {branchName}");
        await Expect(cards.Filter(new() { HasTextString = branchName })).ToContainTextAsync("已停用");
        await page.GetByRole(AriaRole.Button, new() { Name = $"启用：{branchName}" }).ClickAsync();
        await ExpectNoticeAsync(page, $"已启用 {branchName}");
        await Axe.AssertNoSeriousViolationsAsync(page, "the accounts page");
        await ScreenshotAsync(page, "admin-accounts");

        // The admin watches the new street on the dashboard.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "数据看板" }).ClickAsync();
        await ExpectHeadingAsync(page, "数据看板");
        await page.GetByLabel("街道").SelectOptionAsync(new SelectOptionValue { Label = "招远市 · 泉山街道" });
        await Expect(page.GetByLabel("社区")).ToContainTextAsync("魁星社区");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.Locator(".figure").Filter(new() { HasText = "认领率" }).Locator("small")).ToHaveTextAsync("0 / 0 单已被认领");
        await Axe.AssertNoSeriousViolationsAsync(page, "the dashboard with its street picker");
        await ScreenshotAsync(page, "admin-dashboard");

        // The coordinator signs in on a phone with the one-time password and must choose its own first.
        var phone = await system.NewPageAsync(phone: true);
        await SignInAsync(phone, "quanshan-coordinator", oneTimePassword);
        await ExpectHeadingAsync(phone, "设置新密码");
        await Expect(phone.Locator("#nav")).ToBeHiddenAsync();
        await Axe.AssertNoSeriousViolationsAsync(phone, "the first password page");
        await ScreenshotAsync(phone, "first-password-phone");
        await phone.GetByLabel("一次性密码").FillAsync(oneTimePassword);
        await phone.GetByLabel("新密码", new() { Exact = true }).FillAsync("password1");
        await phone.GetByLabel("确认新密码").FillAsync("password1");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await ExpectNoticeAsync(phone, "这是最常见的密码之一");
        await phone.GetByLabel("新密码", new() { Exact = true }).FillAsync("quanshan-2026");
        await phone.GetByLabel("确认新密码").FillAsync("quanshan-2026");
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await ExpectHeadingAsync(phone, "数据看板");
        await ExpectNoticeAsync(phone, "密码已修改");
        await Expect(phone.Locator("#nav")).ToBeVisibleAsync();
        await Expect(phone.GetByLabel("社区")).ToContainTextAsync("金晖社区");

        // Its new password is the one that signs in from now on; the one-time one no longer does.
        var again = await system.NewPageAsync();
        await SignInAsync(again, "quanshan-coordinator", oneTimePassword);
        await ExpectNoticeAsync(again, "用户名或密码不正确");
        await SignInAsync(again, "quanshan-coordinator", "quanshan-2026");
        await ExpectHeadingAsync(again, "数据看板");
        await again.GetByRole(AriaRole.Link, new() { Name = "修改密码" }).ClickAsync();
        await ExpectHeadingAsync(again, "修改密码");
        await Axe.AssertNoSeriousViolationsAsync(again, "the password page");
        await ScreenshotAsync(again, "password");
    }

    [Fact]
    public async Task The_admin_pages_fit_a_phone_screen()
    {
        using var street = await system.StreetAsync("admin-phone");
        var page = await system.NewPageAsync(phone: true);
        await SignInAsync(page, "admin", DispatchSystem.AdminPassword);
        foreach (var (link, heading, name) in new[] { ("区划管理", "区划管理", "admin-places-phone"), ("账号管理", "账号管理", "admin-accounts-phone"), ("数据看板", "数据看板", "admin-dashboard-phone") })
        {
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await ExpectHeadingAsync(page, heading);
            await Expect(page.Locator("main form").First).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"{heading} is wider than the phone's screen");
            await Axe.AssertNoSeriousViolationsAsync(page, $"{heading} on a phone");
            await ScreenshotAsync(page, name);
        }
    }
}
