using System.Net;
using Microsoft.Playwright;

namespace Dispatch.Browser.Tests;

/// <summary>
/// The whole system as real processes (<see cref="DispatchSystem"/>) and Debian's Chromium driven by Playwright,
/// shared by every page test; each test sets up its own street (<see cref="StreetAsync"/>) and looks only at it.
/// Screenshots go to TestResults/browser.
/// </summary>
public sealed class BrowserSystem : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private DispatchSystem _system = null!;
    private IPlaywright? _playwright;

    public Uri Gateway => _system.Gateway;
    public IBrowser Browser { get; private set; } = null!;
    public static string Screenshots { get; } = Path.Combine(Build.RepositoryRoot, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does).");
        Directory.CreateDirectory(Screenshots);
        Assertions.SetDefaultExpectTimeout(15_000);
        // Every person of these tests signs in from 127.0.0.1, as at a matching meeting: the limits stay as deployed.
        _system = await DispatchSystem.StartAsync(new DispatchSystemOptions());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }
    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_system is not null)
            await _system.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser context (its own session storage) on a phone-sized or desk-sized screen, on this system or on
    /// the one at <paramref name="gateway"/> (a test that starts a system of its own).
    /// </summary>
    public async Task<IPage> NewPageAsync(bool phone = false, Uri? gateway = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (gateway ?? Gateway).ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        // Before any page script: axe (an init script is the browser's own, outside the page's Content-Security-Policy,
        // which allows no inline script) and a record of every violation of that policy, which Axe checks with the rest.
        await context.AddInitScriptAsync(Axe.Script);
        await context.AddInitScriptAsync(Axe.RecordPolicyViolations);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The test's own street: 汇泉社区 with two hatched teams of elderly care (陪伴聊天, 理发), 银龄先锋志愿服务队 and
    /// 汇泉养老服务队, each serving the whole street; <paramref name="more"/> adds to it. <paramref name="tag"/> names its accounts.
    /// </summary>
    public Task<TestStreet> StreetAsync(string tag, Action<StreetBuilder>? more = null)
    {
        var builder = new StreetBuilder(Gateway, tag).Community("汇泉社区")
            .Team(new TeamPlan("银龄先锋志愿服务队") { ServiceArea = "street", Skills = ["陪伴聊天", "理发"] })
            .Team(new TeamPlan("汇泉养老服务队") { ServiceArea = "street", Skills = ["陪伴聊天", "理发"] });
        more?.Invoke(builder);
        return builder.BuildAsync();
    }
}
