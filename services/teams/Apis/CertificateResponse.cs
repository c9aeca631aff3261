using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>A certificate as issued, with where its PDF is and the public page that verifies it.</summary>
internal sealed record CertificateResponse(
    string Code,
    Guid MemberId,
    Guid TeamId,
    string VolunteerName,
    string Organisation,
    string Issuer,
    DateOnly From,
    DateOnly To,
    decimal Hours,
    IReadOnlyList<CertificateLine> Services,
    DateOnly IssuedOn,
    string IssuedBy,
    DateTimeOffset IssuedAt,
    string Pdf,
    string VerifyUrl);
