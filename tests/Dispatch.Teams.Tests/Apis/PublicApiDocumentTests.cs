using Dispatch.Testing;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

/// <summary>The gateway's OpenAPI document and this service's endpoints describe the same API.</summary>
[Collection(TeamsCollection.Name)]
public sealed class PublicApiDocumentTests(TeamsService service)
{
    private static readonly string[] OwnedPaths = ["/api/teams", "/api/places"];

    [Fact]
    public void Every_endpoint_the_service_maps_is_in_the_public_OpenAPI_document() =>
        Assert.Empty(PublicApiDocument.MappedBy(service.Services).Except(PublicApiDocument.Operations).Order());

    [Fact]
    public void Every_documented_operation_on_the_services_paths_is_mapped() =>
        Assert.Empty(PublicApiDocument.Under(OwnedPaths).Except(PublicApiDocument.MappedBy(service.Services)).Order());
}
