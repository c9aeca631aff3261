using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Dispatch.Browser.Tests;

/// <summary>
/// The whole system as real processes (<see cref="DispatchSystem"/>) with a small street in it — two communities,
/// a coordinator, a branch, two hatched teams and one still incubating, each with an account — and Debian's
/// Chromium driven by Playwright. Screenshots go to TestResults/browser.
/// </summary>
public sealed class BrowserSystem : IAsyncLifetime
{
    public const string Password = "browser-password-1";
    public const string ChromiumPath = "/usr/bin/chromium";
    private DispatchSystem _system = null!;
    private IPlaywright? _playwright;

    public Uri Gateway => _system.Gateway;
    public IBrowser Browser { get; private set; } = null!;
    public Guid StreetId { get; private set; }
    public Guid HuiquanId { get; private set; }
    public Guid GuangzhouId { get; private set; }
    public IReadOnlyList<Guid> HatchedTeams { get; private set; } = [];
    public Guid IncubatingTeam { get; private set; }
    public static string Screenshots { get; } = Path.Combine(Build.RepositoryRoot, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (./test.sh does).");
        Directory.CreateDirectory(Screenshots);
        Assertions.SetDefaultExpectTimeout(15_000);
        // Every person of these tests signs in from 127.0.0.1, more often than the gateway's per-address limit on
        // sign-ins (20 a minute) allows one address; each account's own request limit stays as deployed.
        _system = await DispatchSystem.StartAsync(new DispatchSystemOptions
        {
            Environment = new Dictionary<string, string> { ["RateLimiting__Token__PermitLimit"] = "1000" },
        });
        await SeedAsync();
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

    /// <summary>A fresh browser context (its own session storage) on a phone-sized or desk-sized screen.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public Task<GatewayClient> ClientAsync(string username) => GatewayClient.SignInAsync(Gateway, username, Password);

    private async Task SeedAsync()
    {
        using var admin = await GatewayClient.SignInAsync(Gateway, "admin", DispatchSystem.AdminPassword);
        var district = await admin.PostExpectingAsync("/api/places/districts", new { name = "莱州市" });
        var street = await admin.PostExpectingAsync($"/api/places/districts/{Id(district)}/streets", new { name = "文昌路街道" });
        StreetId = Id(street);
        HuiquanId = Id(await admin.PostExpectingAsync($"/api/places/streets/{StreetId}/communities", new { name = "汇泉社区", branchName = "汇泉社区党支部" }));
        GuangzhouId = Id(await admin.PostExpectingAsync($"/api/places/streets/{StreetId}/communities", new { name = "光州社区", branchName = "光州社区党支部" }));
        await admin.PostExpectingAsync("/api/accounts", new { username = "coordinator", password = Password, role = "coordinator", streetId = StreetId });
        await admin.PostExpectingAsync("/api/accounts", new { username = "huiquan-branch", password = Password, role = "branch", communityId = HuiquanId });

        using var coordinator = await ClientAsync("coordinator");
        var hatched = new List<Guid>();
        foreach (var (name, username) in new[] { ("银龄先锋志愿服务队", "team-1"), ("汇泉养老服务队", "team-2") })
        {
            var team = await coordinator.PostExpectingAsync("/api/teams", new
            {
                name, kind = "volunteer_team", communityId = HuiquanId, categories = new[] { "elderly_care" },
                skills = new[] { "陪伴聊天" }, serviceArea = "street", capacity = 5, membersCount = 20, leaderName = "王队长", leaderPhone = "13800000001",
            });
            await coordinator.PostExpectingAsync($"/api/teams/{Id(team)}/hatch", new { }, HttpStatusCode.OK);
            await coordinator.PostExpectingAsync("/api/accounts", new { username, password = Password, role = "team", teamId = Id(team) });
            hatched.Add(Id(team));
        }
        HatchedTeams = hatched;
        IncubatingTeam = Id(await coordinator.PostExpectingAsync("/api/teams", new
        {
            name = "光州文明交通队", kind = "volunteer_team", communityId = GuangzhouId, categories = new[] { "traffic_civility" },
            skills = new[] { "交通劝导" }, capacity = 2, membersCount = 8, leaderName = "李队长", leaderPhone = "13800000002",
        }));
    }

    /// <summary>The branch writes and publishes a need through the API; returns its id.</summary>
    public async Task<Guid> PublishNeedAsync(GatewayClient branch, string title, Guid? targetTeamId = null)
    {
        var startsAt = DateTime.UtcNow.AddDays(3);
        var need = await branch.PostExpectingAsync("/api/needs", new
        {
            title, description = "每周两次上门陪伴", category = "elderly_care", volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
            startsAt, endsAt = startsAt.AddHours(2), beneficiaries = 1, address = "汇泉小区3号楼", contactName = "李奶奶", contactPhone = "13900001111",
        });
        await branch.PostExpectingAsync($"/api/needs/{Id(need)}/publish", targetTeamId is null ? new { } : new { targetTeamId }, HttpStatusCode.OK);
        return Id(need);
    }

    public static Guid Id(JsonNode node) => Guid.Parse(node["id"]!.GetValue<string>());
}
