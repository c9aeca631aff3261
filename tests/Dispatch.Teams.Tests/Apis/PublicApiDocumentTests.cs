using Dispatch.Testing;
using Xunit;

namespace Dispatch.Teams.Tests.Apis;

[Collection(TeamsCollection.Name)]
public sealed class PublicApiDocumentTests(TeamsService service) : PublicApiDocumentContract(() => service.Services, "/api/teams", "/api/places", "/api/verify", "/api/stats/volunteers");
