using Dispatch.Testing;
using Xunit;

namespace Dispatch.Needs.Tests.Requests;

[Collection(NeedsCollection.Name)]
public sealed class RequestsApiDocumentTests(NeedsService service) : PublicApiDocumentContract(() => service.Services, "/api/requests");
