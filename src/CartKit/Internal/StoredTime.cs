namespace CartKit.Internal;

// Times CartKit stores are truncated to whole milliseconds, the precision of BSON dates, so a cart read back from
// any store (or the cache) is identical to the one written.
internal static class StoredTime
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
