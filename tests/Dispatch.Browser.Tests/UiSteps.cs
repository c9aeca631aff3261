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

    public static ILocator Notice(IPage page) => page.Locator("#notice");

    public static Task ExpectNoticeAsync(IPage page, string text) =>
        Assertions.Expect(Notice(page)).ToContainTextAsync(text);

    public static Task ExpectHeadingAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(text);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSystem.Screenshots, $"{name}.png"), FullPage = true });

    public static ILocator Card(IPage page, string title) =>
        page.Locator("li.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    public static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");
}
