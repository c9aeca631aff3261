namespace Dispatch.Browser.Tests;

/// <summary>One running system and one browser for every page test: starting them is the slow part.</summary>
[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserSystem>;
