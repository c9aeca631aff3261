using System.Net;
using Dispatch.ServiceDefaults.Spreadsheets;
using Dispatch.Testing;
using Dispatch.Testing.Processes;
using Microsoft.Playwright;
using static Dispatch.Browser.Tests.UiSteps;
using static Microsoft.Playwright.Assertions;

namespace Dispatch.Browser.Tests;

/// <summary>A team records who served at completion, reads a volunteer's ledger, issues a certificate, downloads it, and anyone verifies it.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class VolunteerPagesTests(BrowserSystem system)
{
    [Fact]
    public async Task A_team_records_attendance_at_completion_downloads_a_certificate_and_the_public_page_verifies_it()
    {
        using var street = await new StreetBuilder(system.Gateway, "hours").Named("招远市", "罗峰街道").Community("金晖社区")
            .Team(new TeamPlan("金晖助老志愿服务队")).BuildAsync();
        var teamId = street.Teams[0].Id;
        var team = street.Teams[0].Client;
        var branch = street.Branch;
        var zhang = (await team.PostExpectingAsync($"/api/teams/{teamId}/members", new { name = "张秀英", phone = "13711112222", joinedOn = "2025-04-01" })).Id();
        await team.PostExpectingAsync($"/api/teams/{teamId}/members", new { name = "刘建华", phone = "13711113333", joinedOn = "2025-04-01" });
        // A first order completed through the API, retried until the member list has reached the matching service.
        var first = await InServiceAsync(branch, team, "陪老人散步");
        await Eventually.TrueAsync(async () => (await team.PostAsync($"/api/orders/{first}/complete",
                new { summary = "陪老人散步", attendance = new[] { new { memberId = zhang, hours = 1.5m } } })).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the member list reaches the matching service");
        await InServiceAsync(branch, team, "为独居老人打扫房间");

        // On the phone: the team ticks who served and how long, and reports the order done.
        var phone = await system.NewPageAsync(phone: true);
        await SignInAsync(phone, street.Teams[0].Username);
        await phone.GetByRole(AriaRole.Link, new() { Name = "我的订单" }).ClickAsync();
        var card = Card(phone, "为独居老人打扫房间");
        await card.GetByRole(AriaRole.Checkbox, new() { Name = "张秀英" }).CheckAsync();
        await card.GetByLabel("张秀英的服务时长（小时）").FillAsync("2.5");
        await card.GetByRole(AriaRole.Checkbox, new() { Name = "刘建华" }).CheckAsync();
        await card.GetByLabel("刘建华的服务时长（小时）").FillAsync("2");
        await Expect(card.Locator(".attendance + p")).ToHaveTextAsync("共 2 人，合计 4.5 小时");
        await card.GetByLabel("服务小结").FillAsync("打扫房间，整理衣物");
        await Axe.AssertNoSeriousViolationsAsync(phone, "the attendance form");
        await ScreenshotAsync(phone, "team-attendance-390");
        await card.GetByRole(AriaRole.Button, new() { Name = "报告完成" }).ClickAsync();
        await ExpectNoticeAsync(phone, "已报告完成");
        await Expect(card).ToContainTextAsync("4.5 小时 · 2 人");

        // Zhang's ledger: both orders, once the completion event has reached the team registry.
        await Eventually.TrueAsync(async () => (await team.GetAsync($"/api/teams/{teamId}/members/{zhang}/records")).Body?["total"]?.GetValue<int>() == 2,
            TimeSpan.FromSeconds(30), "both completions reach Zhang's ledger");
        await phone.GetByRole(AriaRole.Link, new() { Name = "本队队员" }).ClickAsync();
        await ExpectHeadingAsync(phone, "本队队员");
        var member = phone.Locator("li.card.member").Filter(new() { Has = phone.GetByRole(AriaRole.Heading, new() { Name = "张秀英" }) });
        await Expect(member).ToContainTextAsync("13711112222");
        await Expect(member).ToContainTextAsync("4 小时");
        await Axe.AssertNoSeriousViolationsAsync(phone, "the member list");
        await ScreenshotAsync(phone, "team-members-390");
        await member.GetByRole(AriaRole.Link, new() { Name = "服务记录与证明" }).ClickAsync();
        await ExpectHeadingAsync(phone, "张秀英的志愿服务");
        await Expect(phone.Locator("li.card.record")).ToHaveCountAsync(2);

        // A certificate for this year, downloaded as the PDF a school would get.
        await phone.GetByRole(AriaRole.Button, new() { Name = "开具证明" }).ClickAsync();
        await ExpectNoticeAsync(phone, "已开具证明");
        var issued = phone.Locator("ul.certificates li").First;
        var code = (await issued.GetAttributeAsync("data-code"))!;
        var download = await phone.RunAndWaitForDownloadAsync(() => issued.GetByRole(AriaRole.Button, new() { Name = $"下载证明 {code}（PDF）" }).ClickAsync());
        Assert.EndsWith($"{code}.pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(BrowserSystem.Screenshots, "certificate.pdf");
        await download.SaveAsAsync(saved);
        var rendered = await RenderedPdf.OfAsync(await File.ReadAllBytesAsync(saved), "certificate-browser");
        var text = string.Concat(rendered.Text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("志愿服务记录证明", text, StringComparison.Ordinal);
        Assert.Contains("张秀英", text, StringComparison.Ordinal);
        Assert.Contains("累计志愿服务时长4小时", text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Equal([new Uri(system.Gateway, $"/verify/{code}").ToString()], rendered.QrCodes);
        var seen = await rendered.SeenTextAsync();
        Assert.Contains("张秀英", seen, StringComparison.Ordinal);
        Assert.Contains("累计志愿服务时长4小时", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("13711112222", text, StringComparison.Ordinal);
        await Axe.AssertNoSeriousViolationsAsync(phone, "the ledger and certificates");
        await ScreenshotAsync(phone, "team-ledger-390");

        // What the QR code opens, on a phone and on a desk, without signing in: genuine, and only what is printed.
        foreach (var (verifier, size) in new[] { (await system.NewPageAsync(phone: true), "390"), (await system.NewPageAsync(), "1280") })
        {
            await verifier.GotoAsync($"/verify/{code}");
            await Expect(verifier.Locator("#verdict")).ToContainTextAsync("证明真实有效");
            await Expect(verifier.Locator("#certificate")).ToContainTextAsync("张秀英");
            await Expect(verifier.Locator("#certificate")).ToContainTextAsync("4 小时");
            await Expect(verifier.Locator("#certificate")).ToContainTextAsync("金晖助老志愿服务队");
            Assert.DoesNotContain("13711112222", await verifier.ContentAsync(), StringComparison.Ordinal);
            Assert.True(await verifier.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"no sideways scrolling at {size} px");
            await Axe.AssertNoSeriousViolationsAsync(verifier, $"the verification page at {size} px");
            await ScreenshotAsync(verifier, $"verify-{size}");
        }

        // At a desk: the coordinator reaches the team's members from the incubation board and sees the same ledger.
        var desk = await system.NewPageAsync();
        await SignInAsync(desk, street.CoordinatorUsername);
        await desk.GetByRole(AriaRole.Link, new() { Name = "孵化看板" }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "金晖助老志愿服务队的队员" }).ClickAsync();
        await ExpectHeadingAsync(desk, "金晖助老志愿服务队 · 队员");
        await Expect(desk.Locator("li.card.member")).ToHaveCountAsync(2);
        Assert.True(await desk.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling at 1280 px");
        await Axe.AssertNoSeriousViolationsAsync(desk, "a team's members for its coordinator");
        await ScreenshotAsync(desk, "coordinator-members-1280");
        await desk.Locator("li.card.member").Filter(new() { HasText = "张秀英" }).GetByRole(AriaRole.Link, new() { Name = "服务记录与证明" }).ClickAsync();
        await Expect(desk.Locator("ul.certificates li")).ToHaveCountAsync(1);

        // The coordinator corrects the walk from the sign-in sheet: a new record, the old one kept and marked.
        var walk = desk.Locator("li.card.record").Filter(new() { HasText = "1.5 小时" });
        await walk.GetByRole(AriaRole.Button).ClickAsync();
        await walk.GetByLabel("应为（小时，未到岗填 0）").FillAsync("2");
        await walk.GetByLabel("更正原因").FillAsync("签到表显示散步两小时");
        await walk.GetByRole(AriaRole.Button, new() { Name = "提交更正" }).ClickAsync();
        await ExpectNoticeAsync(desk, "已更正");
        await Expect(desk.Locator("li.card.record")).ToHaveCountAsync(3);
        await Expect(desk.Locator("li.card.record").Filter(new() { HasText = "更正原因：签到表显示散步两小时" })).ToContainTextAsync("有效");
        await Expect(desk.Locator("li.card.record").Filter(new() { HasText = "1.5 小时" })).ToContainTextAsync("已更正");
        await Expect(desk.Locator(".count")).ToContainTextAsync("累计有效服务时长 4.5 小时");
        await Axe.AssertNoSeriousViolationsAsync(desk, "a volunteer's ledger for its coordinator");
        await ScreenshotAsync(desk, "coordinator-ledger-1280");

        // The station's figures for the year: two volunteers served 6.5 hours on two orders, all in 金晖社区.
        await desk.GetByRole(AriaRole.Link, new() { Name = "数据看板" }).ClickAsync();
        var volunteers = desk.Locator("section").Filter(new() { Has = desk.GetByRole(AriaRole.Heading, new() { Name = "志愿者与服务时长" }) });
        await Expect(volunteers.Locator(".figure").Filter(new() { HasText = "注册志愿者" }).Locator("strong")).ToHaveTextAsync("2");
        await Expect(volunteers.Locator(".figure").Filter(new() { HasText = "活跃志愿者" }).Locator("strong")).ToHaveTextAsync("2");
        await Expect(volunteers.Locator(".figure").Filter(new() { HasText = "服务时长" }).Locator("strong")).ToHaveTextAsync("6.5 小时");
        await Expect(volunteers.Locator(".figure").Filter(new() { HasText = "服务订单" }).Locator("strong")).ToHaveTextAsync("2");
        await Expect(volunteers.Locator("tbody tr").Filter(new() { HasText = "金晖社区" })).ToContainTextAsync("金晖助老志愿服务队（6.5）");
        await Axe.AssertNoSeriousViolationsAsync(desk, "the dashboard with the volunteer figures");
        await ScreenshotAsync(desk, "coordinator-dashboard-volunteers-1280");

        // The same figures as the spreadsheet the station files with its yearly report.
        var year = DateTime.UtcNow.AddHours(8).Year;
        var csv = await desk.RunAndWaitForDownloadAsync(() => volunteers.GetByRole(AriaRole.Button, new() { Name = $"下载 {year} 年志愿服务统计表（CSV）" }).ClickAsync());
        Assert.Matches($"^志愿服务统计-.+-{year}\\.csv$", csv.SuggestedFilename);
        var rows = Csv.Parse(await File.ReadAllTextAsync(await csv.PathAsync())).Select(r => string.Join('|', r.Cells)).ToList();
        Assert.Contains($"{year}|community|{street.CommunityId}|金晖社区|金晖社区|2|2|6.5|2", rows);
        Assert.Contains($"{year}|team|{teamId}|金晖助老志愿服务队|金晖社区|||6.5|2", rows);
    }

    private static async Task<Guid> InServiceAsync(GatewayClient branch, GatewayClient team, string title)
    {
        var startsAt = DateTime.UtcNow.AddDays(2);
        var needId = (await branch.PostExpectingAsync("/api/needs", new
        {
            title, description = title, category = "elderly_care", volunteersNeeded = 2, skills = new[] { "陪伴聊天" },
            startsAt, endsAt = startsAt.AddHours(2),
        })).Id();
        Assert.Equal(HttpStatusCode.OK, (await branch.PostAsync($"/api/needs/{needId}/publish")).Status);
        await Eventually.TrueAsync(async () => (await team.PostAsync($"/api/orders/{needId}/claim")).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the order reaches the hall and the team claims it");
        Assert.Equal(HttpStatusCode.OK, (await team.PostAsync($"/api/orders/{needId}/start")).Status);
        return needId;
    }
}
