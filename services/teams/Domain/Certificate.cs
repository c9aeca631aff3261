namespace Dispatch.Teams.Domain;

/// <summary>
/// A service-record certificate (志愿服务记录证明) exactly as printed: the fields 民发〔2015〕149号 names — the
/// volunteer, the service content, the hours, the period, the recording organisation and the date — and its
/// verification code. Stored when issued, so the PDF and the verification page always say the same.
/// </summary>
internal sealed class Certificate
{
    public string Code { get; init; } = "";
    public Guid MemberId { get; init; }
    public Guid TeamId { get; init; }
    public string VolunteerName { get; init; } = "";

    /// <summary>The organisation that recorded the service (记录单位): the team.</summary>
    public string Organisation { get; init; } = "";

    /// <summary>Who issued the certificate (出具单位): the team, or the street's station when its coordinator issued it.</summary>
    public string Issuer { get; init; } = "";

    public DateOnly PeriodFrom { get; init; }
    public DateOnly PeriodTo { get; init; }
    public decimal Hours { get; init; }
    public IReadOnlyList<CertificateLine> Services { get; init; } = [];
    public DateOnly IssuedOn { get; init; }
    public string IssuedBy { get; init; } = "";
    public DateTimeOffset IssuedAt { get; init; }
}
