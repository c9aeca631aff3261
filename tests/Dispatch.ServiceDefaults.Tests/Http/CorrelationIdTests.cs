using Dispatch.ServiceDefaults.Correlation;

namespace Dispatch.ServiceDefaults.Tests.Http;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736", true)]
    [InlineData("need-42.publish_1", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("line\nbreak", false)]
    public void Only_short_plain_ids_are_accepted_from_clients(string value, bool accepted) =>
        Assert.Equal(accepted, CorrelationId.IsAcceptable(value));

    [Fact]
    public void An_overlong_id_is_refused() => Assert.False(CorrelationId.IsAcceptable(new string('a', 65)));
}
