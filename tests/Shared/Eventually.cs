using System.Diagnostics;

namespace CartKit.TestSupport;

/// <summary>Waits for a condition that holds once something asynchronous settles (a restarted server, a refilled cache).</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"The condition did not hold within {limit.TotalSeconds} seconds.");
            await Task.Delay(100);
        }
    }
}
