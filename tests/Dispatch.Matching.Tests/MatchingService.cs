using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests;

/// <summary>The matching service on its own fresh database and virtual host, shared by the tests of one class.</summary>
public sealed class MatchingService() : ServiceFactory<Program>("Matching");

[CollectionDefinition(Name)]
public sealed class MatchingCollection : ICollectionFixture<MatchingService>
{
    public const string Name = "matching";
}
