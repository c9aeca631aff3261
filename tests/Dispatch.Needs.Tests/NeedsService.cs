using Dispatch.Testing;
using Xunit;

namespace Dispatch.Needs.Tests;

/// <summary>The needs service on its own fresh database and virtual host, shared by the tests of the collection.</summary>
public sealed class NeedsService() : ServiceFactory<Program>("Needs");

[CollectionDefinition(Name)]
public sealed class NeedsCollection : ICollectionFixture<NeedsService>
{
    public const string Name = "needs";
}
