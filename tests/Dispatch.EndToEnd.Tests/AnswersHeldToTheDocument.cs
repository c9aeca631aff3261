using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// Holds every answer an end-to-end test gets through <see cref="GatewayClient"/> to gateway/wwwroot/openapi.yaml: an
/// answer whose status, media type or body the document does not describe fails the test that got it. (The fault tests
/// do not: there the gateway answers 502 and 503 on purpose, on routes whose documents do not list them.)
/// </summary>
public sealed class AnswersHeldToTheDocument
{
    public AnswersHeldToTheDocument() => GatewayClient.Contract = PublicApiContract.Public;
}
