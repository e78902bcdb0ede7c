namespace CartKit.Internal;

// Jittered pause between compare-and-swap attempts so competing writers in different processes stop colliding in
// lock-step. It measures no time, so it deliberately uses real delays rather than the injected TimeProvider.
internal static class ConflictBackoff
{
    private const int MaxDelayMilliseconds = 50;

    public static ValueTask DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        if (attempt <= 1)
        {
            return ValueTask.CompletedTask;
        }

        var ceiling = Math.Min(MaxDelayMilliseconds, 1 << Math.Min(attempt, 6));
        return new ValueTask(Task.Delay(Random.Shared.Next(1, ceiling + 1), cancellationToken));
    }
}
