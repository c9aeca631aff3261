namespace Dispatch.Testing;

/// <summary>Polls a condition until it holds or a deadline passes: events arrive a little later than the request that caused them.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        T last;
        while (true)
        {
            last = await probe();
            if (condition(last))
                return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met within the deadline{(because is null ? "" : ": " + because)}. Last value: {last}");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        ReturnsAsync(condition, ok => ok, timeout, because);
}
