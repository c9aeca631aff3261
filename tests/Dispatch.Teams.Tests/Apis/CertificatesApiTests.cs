using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Contracts;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>Service-record certificates: the PDF as a reader sees it, and the public verification that shows only what it prints.</summary>
[Collection(TeamsCollection.Name)]
public sealed class CertificatesApiTests(TeamsService service)
{
    private IBus Bus => service.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task A_certificate_prints_the_members_hours_in_chinese_with_its_code_and_a_qr_code_the_public_page_verifies()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);
        var member = await Members.AddAsync(client, team.Id, "张秀英", "13812345678");
        await RecordAsync(team.Id, street.Community.Id, member.Id, "elderly_care", new DateOnly(2026, 3, 8), 2.5m);
        await RecordAsync(team.Id, street.Community.Id, member.Id, "elderly_care", new DateOnly(2026, 4, 12), 3m);
        await RecordAsync(team.Id, street.Community.Id, member.Id, "health", new DateOnly(2026, 5, 2), 1.5m);
        await RecordAsync(team.Id, street.Community.Id, member.Id, "health", new DateOnly(2025, 12, 30), 8m); // outside the period
        await Eventually.TrueAsync(async () => (await MemberAsync(client, team.Id, member.Id)).ServiceHours == 15m, because: "four records reach the ledger");

        var response = await client.PostAsJsonAsync($"/api/teams/{team.Id}/members/{member.Id}/certificates", new { from = "2026-01-01", to = "2026-06-30" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var certificate = (await response.Content.ReadFromJsonAsync<CertificateView>())!;
        Assert.Equal($"/api/teams/{team.Id}/members/{member.Id}/certificates/{certificate.Code}", response.Headers.Location?.ToString());
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", certificate.Code);
        Assert.Equal(("张秀英", team.Name, team.Name, 7m), (certificate.VolunteerName, certificate.Organisation, certificate.Issuer, certificate.Hours));
        Assert.Equal([new CertificateLineView("elderly_care", "养老服务", 2, 5.5m), new CertificateLineView("health", "医疗健康", 1, 1.5m)], certificate.Services);

        var pdf = await client.GetAsync(certificate.Pdf);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var rendered = await RenderedPdf.OfAsync(await pdf.Content.ReadAsByteArrayAsync(), "certificate-teams");
        // Compared without white space: lines wrap where the page ends, and pdftotext puts table cells on lines of their own.
        var text = string.Concat(rendered.Text.Where(c => !char.IsWhiteSpace(c)));
        foreach (var printed in new[] { "志愿服务记录证明", "兹证明张秀英为", "于2026年1月1日至2026年6月30日期间", "累计志愿服务时长7小时",
                     "养老服务2次5.5", "医疗健康1次1.5", "合计3次7", $"记录单位：{team.Name}", $"出具单位：{team.Name}", "出具日期：", "（盖章）",
                     $"证明编号：{certificate.Code}", "民发〔2015〕149号" })
            Assert.Contains(printed, text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", rendered.Text, StringComparison.Ordinal);
        // The picture of the page, read by eye: the Chinese words are drawn, not only in the text layer.
        var seen = await rendered.SeenTextAsync();
        foreach (var drawn in new[] { "志愿服务记录证明", "张秀英", "累计志愿服务时长7小时", "养老服务2次5.5", "合计3次7" })
            Assert.Contains(drawn, seen, StringComparison.Ordinal);
        Assert.Equal([certificate.VerifyUrl], rendered.QrCodes);
        Assert.EndsWith($"/verify/{certificate.Code}", certificate.VerifyUrl, StringComparison.Ordinal);

        // Anyone holding the paper checks it without an account, and sees only what it prints.
        using var anonymous = service.CreateClient();
        var verified = await anonymous.GetAsync($"/api/verify/{certificate.Code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)}");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var json = await verified.Content.ReadAsStringAsync();
        var fields = JsonSerializer.Deserialize<JsonElement>(json).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["code", "from", "hours", "issuedOn", "issuer", "organisation", "services", "to", "volunteerName"], fields);
        Assert.DoesNotContain("13812345678", json, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Id.ToString(), json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/verify/0000-0000-0000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/verify/not-a-code")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_issues_in_the_stations_name_and_others_cannot_issue_or_read_certificates()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var other = await street.RegisterTeamAsync();
        var member = await Members.AddAsync(street.TeamClient(team.Id), team.Id, "刘建华");
        await RecordAsync(team.Id, street.Community.Id, member.Id, "elderly_care", new DateOnly(2026, 2, 1), 2m);
        var path = $"/api/teams/{team.Id}/members/{member.Id}/certificates";
        await Eventually.TrueAsync(async () => (await MemberAsync(street.Coordinator, team.Id, member.Id)).ServiceHours == 2m);
        var period = new { from = "2026-01-01", to = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd") };

        Assert.Equal(HttpStatusCode.Forbidden, (await street.TeamClient(other.Id).PostAsJsonAsync(path, period)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Admin.PostAsJsonAsync(path, period)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.Branch.PostAsJsonAsync(path, period)).StatusCode);
        var issued = await Street.CreatedAsync<CertificateView>(street.Coordinator.PostAsJsonAsync(path, period));

        Assert.Equal($"{street.StreetPlace.Name}社会工作服务站", issued.Issuer);
        Assert.Equal(team.Name, issued.Organisation);
        Assert.Equal(HttpStatusCode.Forbidden, (await street.TeamClient(other.Id).GetAsync(issued.Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.TeamClient(team.Id).GetAsync($"/api/teams/{team.Id}/members/{Guid.NewGuid()}/certificates/{issued.Code}/pdf")).StatusCode);
        Assert.Equal(issued.Code, Assert.Single((await street.TeamClient(team.Id).GetFromJsonAsync<CertificateView[]>(path))!).Code);
    }

    [Fact]
    public async Task A_period_without_service_or_with_mistakes_is_a_400()
    {
        var street = await Street.CreateAsync(service);
        var team = await street.RegisterTeamAsync();
        var client = street.TeamClient(team.Id);
        var member = await Members.AddAsync(client, team.Id, "陈志刚");
        var path = $"/api/teams/{team.Id}/members/{member.Id}/certificates";

        var empty = await client.PostAsJsonAsync(path, new { from = "2026-01-01", to = "2026-06-30" });
        var backwards = await client.PostAsJsonAsync(path, new { from = "2026-06-30", to = "2026-01-01" });
        var future = await client.PostAsJsonAsync(path, new { from = "2026-01-01", to = "2099-01-01" });
        var missing = await client.PostAsJsonAsync(path, new { });

        Assert.Equal(["from"], await ErrorKeysAsync(empty));
        Assert.Equal(["to"], await ErrorKeysAsync(backwards));
        Assert.Equal(["from", "to"], await ErrorKeysAsync(future));
        Assert.Equal(["from", "to"], await ErrorKeysAsync(missing));
        Assert.Empty((await client.GetFromJsonAsync<CertificateView[]>(path))!);
    }

    private Task RecordAsync(Guid teamId, Guid communityId, Guid memberId, string category, DateOnly servedOn, decimal hours) =>
        Bus.Publish(new OrderCompleted(Guid.NewGuid(), teamId, hours, 1, "服务完成", DateTimeOffset.UtcNow, 4,
            [new Attendance(memberId, hours)], category, communityId, servedOn, "team"));

    private static async Task<MemberView> MemberAsync(HttpClient client, Guid teamId, Guid memberId) =>
        (await client.GetFromJsonAsync<MemberView>($"/api/teams/{teamId}/members/{memberId}"))!;

    private static async Task<string[]> ErrorKeysAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<ProblemView>())!.Errors!.Keys.Order(StringComparer.Ordinal)];
    }
}
