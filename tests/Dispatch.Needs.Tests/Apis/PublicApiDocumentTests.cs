using Dispatch.Testing;
using Xunit;

namespace Dispatch.Needs.Tests.Apis;

[Collection(NeedsCollection.Name)]
public sealed class PublicApiDocumentTests(NeedsService service) : PublicApiDocumentContract(() => service.Services, "/api/needs");
