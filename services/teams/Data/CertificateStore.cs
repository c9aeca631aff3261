using System.Text.Json;
using Dispatch.ServiceDefaults.Data;
using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Data;

/// <summary>Certificates as issued. A row is written once and never changed: it is what the paper and the verification page say.</summary>
internal sealed class CertificateStore(Database database)
{
    private const string Select = """
        select code, member_id, team_id, volunteer_name, organisation, issuer, period_from, period_to, hours, services::text as services,
               issued_on, issued_by, issued_at
        from certificates
        """;

    public async Task IssueAsync(Certificate certificate, CancellationToken ct)
    {
        await using var unit = await database.BeginAsync(ct);
        await unit.ExecuteAsync("""
            insert into certificates (code, member_id, team_id, volunteer_name, organisation, issuer, period_from, period_to, hours, services,
                                      issued_on, issued_by, issued_at)
            values (@Code, @MemberId, @TeamId, @VolunteerName, @Organisation, @Issuer, @PeriodFrom, @PeriodTo, @Hours, cast(@services as jsonb),
                    @IssuedOn, @IssuedBy, @IssuedAt)
            """, new
        {
            certificate.Code, certificate.MemberId, certificate.TeamId, certificate.VolunteerName, certificate.Organisation, certificate.Issuer,
            certificate.PeriodFrom, certificate.PeriodTo, certificate.Hours, services = JsonSerializer.Serialize(certificate.Services, JsonSerializerOptions.Web),
            certificate.IssuedOn, certificate.IssuedBy, certificate.IssuedAt,
        }, ct);
        await unit.CommitAsync(ct);
    }

    public async Task<Certificate?> FindAsync(string code, CancellationToken ct) =>
        (await database.QuerySingleOrDefaultAsync<Row>($"{Select} where code = @code", new { code }, ct))?.ToCertificate();

    public async Task<IReadOnlyList<Certificate>> OfMemberAsync(Guid memberId, CancellationToken ct) =>
        (await database.QueryAsync<Row>($"{Select} where member_id = @memberId order by issued_at desc", new { memberId }, ct))
            .Select(r => r.ToCertificate()).ToList();

    private sealed class Row
    {
        public string Code { get; init; } = "";
        public Guid MemberId { get; init; }
        public Guid TeamId { get; init; }
        public string VolunteerName { get; init; } = "";
        public string Organisation { get; init; } = "";
        public string Issuer { get; init; } = "";
        public DateOnly PeriodFrom { get; init; }
        public DateOnly PeriodTo { get; init; }
        public decimal Hours { get; init; }
        public string Services { get; init; } = "[]";
        public DateOnly IssuedOn { get; init; }
        public string IssuedBy { get; init; } = "";
        public DateTimeOffset IssuedAt { get; init; }

        public Certificate ToCertificate() => new()
        {
            Code = Code, MemberId = MemberId, TeamId = TeamId, VolunteerName = VolunteerName, Organisation = Organisation, Issuer = Issuer,
            PeriodFrom = PeriodFrom, PeriodTo = PeriodTo, Hours = Hours, IssuedOn = IssuedOn, IssuedBy = IssuedBy, IssuedAt = IssuedAt,
            Services = JsonSerializer.Deserialize<List<CertificateLine>>(Services, JsonSerializerOptions.Web) ?? [],
        };
    }
}
