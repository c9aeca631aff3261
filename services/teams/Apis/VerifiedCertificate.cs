using Dispatch.Teams.Domain;

namespace Dispatch.Teams.Apis;

/// <summary>What the public verification shows: exactly what the certificate prints, nothing more (no phone, no ids).</summary>
internal sealed record VerifiedCertificate(
    string Code,
    string VolunteerName,
    string Organisation,
    string Issuer,
    DateOnly From,
    DateOnly To,
    decimal Hours,
    IReadOnlyList<CertificateLine> Services,
    DateOnly IssuedOn);
