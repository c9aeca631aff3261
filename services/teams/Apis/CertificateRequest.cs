namespace Dispatch.Teams.Apis;

/// <summary>Body of POST …/members/{memberId}/certificates: the period of service to certify, both days included.</summary>
internal sealed record CertificateRequest(DateOnly? From, DateOnly? To);
