using System.Collections.Immutable;

namespace CartKit.Internal;

// Snapshots are shared between concurrent requests (a decoded cart is reused for every read of the same cache entry),
// so their lists are immutable by construction: whatever list a caller assigns is copied into an ImmutableArray, and
// one that already is one is kept as it is (decoders build them without a second copy).
internal static class Frozen
{
    public static IReadOnlyList<T> List<T>(IReadOnlyList<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value is ImmutableArray<T> ? value : ImmutableArray.CreateRange(value);
    }

    public static IReadOnlyList<T> Empty<T>() => EmptyList<T>.Value;

    private static class EmptyList<T>
    {
        public static readonly IReadOnlyList<T> Value = ImmutableArray<T>.Empty;
    }
}
