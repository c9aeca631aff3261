using Dispatch.Testing;
using Xunit;

namespace Dispatch.Teams.Tests;

/// <summary>The team registry on its own fresh database and virtual host, shared by the HTTP tests.</summary>
public sealed class TeamsService() : ServiceFactory<Program>("Teams");

[CollectionDefinition(Name)]
public sealed class TeamsCollection : ICollectionFixture<TeamsService>
{
    public const string Name = "teams";
}
