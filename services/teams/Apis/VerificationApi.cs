using Dispatch.Teams.Certificates;
using Dispatch.Teams.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>
/// The public check of a certificate, for whoever holds the paper (a school, an employer): no account, only the
/// code, and only what the certificate prints. The gateway limits how often one address may ask.
/// </summary>
internal static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/verify/{code}", Verify).AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<VerifiedCertificate>, ProblemHttpResult>> Verify(string code, HttpResponse response, CertificateStore certificates, CancellationToken ct)
    {
        var c = VerificationCode.Normalise(code) is { } normal ? await certificates.FindAsync(normal, ct) : null;
        if (c is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "certificate not found",
                detail: "No certificate has this code: the certificate is not genuine, or the code was mistyped.");
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new VerifiedCertificate(c.Code, c.VolunteerName, c.Organisation, c.Issuer, c.PeriodFrom, c.PeriodTo, c.Hours, c.Services, c.IssuedOn));
    }
}
