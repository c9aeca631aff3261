using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dispatch.Browser.Tests;

/// <summary>What a person does on every page: sign in, read the notice, keep a screenshot.</summary>
public static class UiSteps
{
    public static async Task SignInAsync(IPage page, string username, string password = StreetBuilder.DefaultPassword)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    /// <summary>
    /// The first sign-in with a one-time password: the 设置新密码 page comes before anything else (checked at both widths
    /// and kept as <paramref name="screenshot"/> when named), and the person sets <paramref name="newPassword"/> there.
    /// </summary>
    public static async Task ChooseOwnPasswordAsync(IPage page, string username, string oneTimePassword, string newPassword, string? screenshot = null)
    {
        await SignInAsync(page, username, oneTimePassword);
        await ExpectHeadingAsync(page, "设置新密码");
        if (screenshot is not null)
            await FitsBothWidthsAsync(page, screenshot);
        await page.GetByLabel("一次性密码").FillAsync(oneTimePassword);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("确认新密码").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await ExpectNoticeAsync(page, "密码已修改");
    }

    /// <summary>
    /// Sends a filled 改派 form until the page says the order went to <paramref name="team"/>: matching hears of the
    /// suspension by an event, and until then it answers that the team still serves.
    /// </summary>
    public static Task ConfirmReassignmentAsync(IPage page, ILocator form, string team) =>
        Eventually.TrueAsync(async () =>
        {
            await page.EvaluateAsync("() => { document.getElementById('notice').textContent = ''; }");
            await form.GetByRole(AriaRole.Button, new() { Name = "确认改派" }).ClickAsync();
            await Assertions.Expect(Notice(page)).Not.ToBeEmptyAsync();
            return (await Notice(page).InnerTextAsync()).Contains($"已改派给{team}", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(60), "the reassignment should go through once matching knows of the suspension");

    public static ILocator Notice(IPage page) => page.Locator("#notice");

    public static Task ExpectNoticeAsync(IPage page, string text) =>
        Assertions.Expect(Notice(page)).ToContainTextAsync(text);

    public static Task ExpectHeadingAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(text);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSystem.Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>
    /// Waits for the page to settle, then checks it is no wider than the window (nor any table), runs axe and keeps a
    /// screenshot named <paramref name="name"/>.
    /// </summary>
    public static async Task FitsAsync(IPage page, string name)
    {
        // The hall keeps a live stream open, so "no network for a while" never comes there: its own sign of life is enough.
        if (await page.Locator(".live").CountAsync() > 0)
            await Assertions.Expect(page.Locator(".live.open")).ToBeVisibleAsync();
        else
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var widths = await page.EvaluateAsync<int[]>("""
            () => [window.innerWidth, document.documentElement.scrollWidth,
                   ...[...document.querySelectorAll('table')].map(t => Math.ceil(t.getBoundingClientRect().right))]
            """);
        Assert.True(widths.Skip(1).All(w => w <= widths[0]), $"{name}: the window is {widths[0]} px wide, the page or a table {widths.Skip(1).Max()} px");
        await Axe.AssertNoSeriousViolationsAsync(page, name);
        await ScreenshotAsync(page, name);
    }

    /// <summary>
    /// <see cref="FitsAsync"/> on a 390 px phone and a 1280 px desk (<c>name-390</c>, <c>name-1280</c>), the page as it is
    /// (the layout follows the window), then back to the window it had.
    /// </summary>
    public static async Task FitsBothWidthsAsync(IPage page, string name)
    {
        var window = page.ViewportSize!;
        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, width < 1000 ? 844 : 900);
            await FitsAsync(page, $"{name}-{width}");
        }
        await page.SetViewportSizeAsync(window.Width, window.Height);
    }

    public static ILocator Card(IPage page, string title) =>
        page.Locator("li.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    public static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");
}
