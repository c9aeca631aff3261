using Xunit;

namespace Dispatch.Testing;

/// <summary>
/// The gateway's OpenAPI document and one service's endpoints describe the same API. Each service's test
/// project derives one class from this, naming its running service and the paths it owns.
/// </summary>
public abstract class PublicApiDocumentContract(Func<IServiceProvider> services, params string[] ownedPaths)
{
    [Fact]
    public void Every_endpoint_the_service_maps_is_in_the_public_OpenAPI_document() =>
        Assert.Empty(PublicApiDocument.MappedBy(services()).Except(PublicApiDocument.Operations).Order());

    [Fact]
    public void Every_documented_operation_on_the_services_paths_is_mapped() =>
        Assert.Empty(PublicApiDocument.Under(ownedPaths).Except(PublicApiDocument.MappedBy(services())).Order());
}
