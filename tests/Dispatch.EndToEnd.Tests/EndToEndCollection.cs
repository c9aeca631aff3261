namespace Dispatch.EndToEnd.Tests;

/// <summary>
/// One running system for every end-to-end test: starting it is the slow part. Each test sets up its own
/// street (<see cref="StreetBuilder"/>) and asserts only on that street's data. Every answer is held to the public API's
/// document (<see cref="AnswersHeldToTheDocument"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<DispatchSystem>, ICollectionFixture<AnswersHeldToTheDocument>
{
    public const string Name = "end-to-end";
}
