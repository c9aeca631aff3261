using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Apis;

[Collection(MatchingCollection.Name)]
public sealed class PublicApiDocumentTests(MatchingService service) : PublicApiDocumentContract(() => service.Services, "/api/orders", "/api/stats/match-rate", "/api/stats/unclaimed", "/api/matching-plans");
