namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>Reads until what was read is as expected: the one wait for what the app does a moment after its answer.</summary>
public static class Poll
{
    /// <summary>
    /// Reads with <paramref name="read"/> every <paramref name="intervalMs"/> ms until <paramref name="done"/> holds and
    /// returns that reading; after <paramref name="seconds"/> s, fails with <paramref name="describe"/> of the last one.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, string> describe, int seconds = 30, int intervalMs = 200)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{describe(value)} (after {seconds} s)");
            await Task.Delay(intervalMs);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 30) =>
        UntilAsync(condition, held => held, _ => $"{what} never held", seconds);
}
