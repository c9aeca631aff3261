using System.Net;
using Dispatch.Testing;

namespace Dispatch.EndToEnd.Tests.ClientMistakes;

/// <summary>
/// The whole system with its request limits out of the way (these tests send thousands of requests from a few
/// accounts), and two streets (each in its own district) with a community, a branch, a coordinator and a hatched
/// team: street A's team holds one of its branch's needs, street B's need waits in the hall. Street B's ids are the
/// "ids from another scope" that street A's accounts must never reach.
/// </summary>
public sealed class TwoStreets : IAsyncLifetime
{
    private GatewayClient? _anonymous;

    public DispatchSystem System { get; private set; } = null!;

    public TestStreet A { get; private set; } = null!;
    public TestStreet B { get; private set; } = null!;

    /// <summary>Street A's need, held by street A's team.</summary>
    public Guid HeldNeedId { get; private set; }

    /// <summary>Street B's need, published.</summary>
    public Guid OtherNeedId { get; private set; }

    /// <summary>A client for every role in street A (the admin's too), by role; "anonymous" has no token.</summary>
    public IReadOnlyDictionary<string, GatewayClient> ByRole { get; private set; } = new Dictionary<string, GatewayClient>();

    public async Task InitializeAsync()
    {
        System = await DispatchSystem.StartAsync(new DispatchSystemOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["RateLimiting__PermitLimit"] = "1000000",
                ["RateLimiting__Token__PermitLimit"] = "1000000",
            },
        });
        A = await new StreetBuilder(System.Gateway, $"a{Guid.NewGuid():N}"[..8]).Teams(1).BuildAsync();
        B = await new StreetBuilder(System.Gateway, $"b{Guid.NewGuid():N}"[..8]).Teams(1).BuildAsync();
        HeldNeedId = await A.PublishNeedAsync("为独居老人陪伴聊天");
        OtherNeedId = await B.PublishNeedAsync("为独居老人陪伴聊天");
        await Eventually.TrueAsync(async () => (await A.Teams[0].Client.PostAsync($"/api/orders/{HeldNeedId}/claim")).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "street A's team should claim its branch's need once it reaches the hall");
        _anonymous = new GatewayClient(System.Gateway);
        ByRole = new Dictionary<string, GatewayClient>
        {
            ["anonymous"] = _anonymous,
            ["admin"] = A.Admin,
            ["coordinator"] = A.Coordinator,
            ["branch"] = A.Branch,
            ["team"] = A.Teams[0].Client,
        };
    }

    public async Task DisposeAsync()
    {
        _anonymous?.Dispose();
        A?.Dispose();
        B?.Dispose();
        if (System is not null)
            await System.DisposeAsync();
    }
}
