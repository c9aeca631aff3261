using System.Net;
using Dispatch.Testing;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

[Collection(nameof(BrowserCollection))]
public sealed class AuditPageTests(BrowserSystem system)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_admin_finds_a_failed_sign_in_in_the_audit_trail_and_exports_it(bool phone)
    {
        var stranger = $"nobody-{Guid.NewGuid():N}"[..24];
        using (var anonymous = new GatewayClient(system.Gateway))
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await anonymous.PostAsync("/api/auth/token", new { username = stranger, password = "not-the-password-1" })).Status);
        var page = await system.NewPageAsync(phone);
        await SignInAsync(page, "admin", DispatchSystem.AdminPassword);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
        await ExpectHeadingAsync(page, "审计日志");

        var search = page.GetByRole(AriaRole.Form, new() { Name = "查找审计记录" });
        await search.GetByLabel("操作").SelectOptionAsync("sign_in.failed");
        await search.GetByLabel("用户名").FillAsync(stranger);
        var entries = page.GetByRole(AriaRole.List, new() { Name = "审计记录" }).Locator("li");
        // The entry travels from the outbox through the broker: search again until it is there.
        await Eventually.TrueAsync(async () =>
        {
            var button = search.GetByRole(AriaRole.Button, new() { Name = "查询" });
            await button.ClickAsync();
            await Expect(button).ToBeEnabledAsync();
            return await entries.CountAsync() == 1;
        }, TimeSpan.FromSeconds(30), "the failed sign-in should be on the audit page");
        await Expect(entries.First).ToContainTextAsync("登录失败");
        await Expect(entries.First).ToContainTextAsync(stranger);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the audit page is wider than the screen");
        await Axe.AssertNoSeriousViolationsAsync(page, "the audit page");
        await ScreenshotAsync(page, phone ? "admin-audit-phone" : "admin-audit");

        var download = await page.RunAndWaitForDownloadAsync(() => search.GetByRole(AriaRole.Button, new() { Name = "导出 CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("时间,服务,操作", csv.TrimStart('\uFEFF'));
        Assert.Contains(stranger, csv);
    }
}
