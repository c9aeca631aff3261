namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// One running system for every end-to-end test: starting it is the slow part. Each test sets up its own
/// street (<see cref="StreetBuilder"/>) and asserts only on that street's data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<DispatchSystem>
{
    public const string Name = "end-to-end";
}
