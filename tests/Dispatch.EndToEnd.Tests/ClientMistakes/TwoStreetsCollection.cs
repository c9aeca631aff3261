namespace Dispatch.EndToEnd.Tests.ClientMistakes;

/// <summary>The tests that share one <see cref="TwoStreets"/> system, one after another.</summary>
[CollectionDefinition(Name)]
public sealed class TwoStreetsCollection : ICollectionFixture<TwoStreets>
{
    public const string Name = "two streets";
}
