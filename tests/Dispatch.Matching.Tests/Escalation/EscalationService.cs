using Dispatch.Testing;
using Xunit;

namespace Dispatch.Matching.Tests.Escalation;

/// <summary>The matching service with a deadline watch that polls every 200 ms, on its own database.</summary>
public sealed class EscalationService() : ServiceFactory<Program>("Matching")
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Escalation:PollInterval", "00:00:00.200")];
}

[CollectionDefinition(Name)]
public sealed class EscalationCollection : ICollectionFixture<EscalationService>
{
    public const string Name = "escalation";
}
