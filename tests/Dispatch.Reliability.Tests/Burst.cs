namespace Dispatch.Reliability.Tests;

/// <summary>
/// Needs published at a steady pace while every team races to claim each one, for as long as a fault
/// is being injected (and a little after); the fault script watches <see cref="Published"/> to strike mid-burst.
/// </summary>
public sealed class Burst(Street street, string tag)
{
    private readonly List<Guid> _needs = [];
    private readonly HashSet<Guid> _settled = [];
    private volatile bool _faultDone;

    /// <summary>An end to the burst whatever the fault's length (the teams' places run out long before).</summary>
    private const int HardCap = 150;

    public ClaimTally Claims { get; } = new();
    public int FaultsInjected { get; set; }

    public int Published
    {
        get { lock (_needs) return _needs.Count; }
    }

    public IReadOnlyList<Guid> Needs
    {
        get { lock (_needs) return _needs.ToList(); }
    }

    /// <summary>
    /// Runs the burst around <paramref name="fault"/>: needs are published for as long as the fault lasts,
    /// then until <paramref name="maxNeeds"/> are published or <paramref name="after"/> more were.
    /// </summary>
    public async Task RunAsync(Func<Burst, Task> fault, int maxNeeds = 40, int after = 5, TimeSpan? pace = null)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var publisher = Task.Run(async () =>
        {
            var afterFault = 0;
            // While the fault lasts the burst goes on (up to what the teams can hold); after it, to maxNeeds or `after` more.
            while (Published < HardCap && !(_faultDone && (afterFault >= after || Published >= maxNeeds)))
            {
                var id = await street.PublishNeedAsync($"{tag} #{Published + 1}");
                lock (_needs) _needs.Add(id);
                if (_faultDone)
                    afterFault++;
                await Task.Delay(pace ?? TimeSpan.FromMilliseconds(200), stop.Token);
            }
        });
        var claimer = Task.Run(async () =>
        {
            while ((!publisher.IsCompleted || _settled.Count < Published) && !publisher.IsFaulted)
            {
                stop.Token.ThrowIfCancellationRequested();
                var before = _settled.Count;
                foreach (var need in Needs.Where(n => !_settled.Contains(n)))
                {
                    var answers = await Task.WhenAll(street.Teams.Select(t => Street.TryAsync(() => t.Client.PostAsync($"/api/orders/{need}/claim"))));
                    Claims.Add(need, answers);
                    if (ClaimTally.Settles(answers))
                        _settled.Add(need);
                }
                // Nothing moved (the orders have not reached matching yet, or a fault): do not hammer the gateway.
                await Task.Delay(_settled.Count == before ? 250 : 50, stop.Token);
            }
        });
        try
        {
            await fault(this);
        }
        finally
        {
            _faultDone = true;
        }
        await publisher;
        await claimer;
    }

    /// <summary>Waits (with a deadline) until <paramref name="count"/> needs are published.</summary>
    public Task PublishedAtLeastAsync(int count) =>
        Eventually.TrueAsync(() => Task.FromResult(Published >= count), TimeSpan.FromSeconds(90), $"{count} needs should be published");
}
