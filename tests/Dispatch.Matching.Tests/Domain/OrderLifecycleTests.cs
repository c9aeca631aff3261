using Dispatch.Matching.Domain;
using Xunit;

namespace Dispatch.Matching.Tests.Domain;

public sealed class OrderLifecycleTests
{
    [Theory]
    [InlineData(OrderStatus.Published, OrderAction.Claim, OrderStatus.Claimed)]
    [InlineData(OrderStatus.Published, OrderAction.Accept, OrderStatus.Claimed)]
    [InlineData(OrderStatus.Published, OrderAction.Decline, OrderStatus.Published)]
    [InlineData(OrderStatus.Claimed, OrderAction.Release, OrderStatus.Published)]
    [InlineData(OrderStatus.Claimed, OrderAction.Start, OrderStatus.InService)]
    [InlineData(OrderStatus.InService, OrderAction.Complete, OrderStatus.Completed)]
    [InlineData(OrderStatus.Completed, OrderAction.Close, OrderStatus.Closed)]
    [InlineData(OrderStatus.Published, OrderAction.Cancel, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Claimed, OrderAction.Cancel, OrderStatus.Cancelled)]
    [InlineData(OrderStatus.InService, OrderAction.Cancel, OrderStatus.Cancelled)]
    internal void Legal_transitions_lead_to_their_state(string from, OrderAction action, string to) =>
        Assert.Equal(to, OrderLifecycle.Next(from, action));

    [Theory]
    [InlineData(OrderStatus.Claimed, OrderAction.Claim)]
    [InlineData(OrderStatus.InService, OrderAction.Claim)]
    [InlineData(OrderStatus.Published, OrderAction.Release)]
    [InlineData(OrderStatus.Published, OrderAction.Start)]
    [InlineData(OrderStatus.Claimed, OrderAction.Complete)]
    [InlineData(OrderStatus.InService, OrderAction.Release)]
    [InlineData(OrderStatus.Completed, OrderAction.Cancel)]
    [InlineData(OrderStatus.Cancelled, OrderAction.Claim)]
    [InlineData(OrderStatus.Closed, OrderAction.Close)]
    [InlineData(OrderStatus.Claimed, OrderAction.Decline)]
    internal void Illegal_transitions_are_refused(string from, OrderAction action) =>
        Assert.Null(OrderLifecycle.Next(from, action));

    [Theory]
    [InlineData(OrderStatus.Claimed, OrderAction.Release, true)]
    [InlineData(OrderStatus.InService, OrderAction.Complete, true)]
    [InlineData(OrderStatus.Claimed, OrderAction.Cancel, true)]
    [InlineData(OrderStatus.InService, OrderAction.Cancel, true)]
    [InlineData(OrderStatus.Published, OrderAction.Cancel, false)]
    [InlineData(OrderStatus.Claimed, OrderAction.Start, false)]
    internal void Only_leaving_claimed_or_in_service_frees_capacity(string from, OrderAction action, bool frees) =>
        Assert.Equal(frees, OrderLifecycle.FreesCapacity(from, action));
}
