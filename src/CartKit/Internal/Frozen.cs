using System.Collections.Immutable;
using System.Runtime.InteropServices;

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

    // Wraps an array the caller just filled and hands over, without copying it; the caller must not keep it.
    public static IReadOnlyList<T> Own<T>(T[] array) =>
        array.Length == 0 ? EmptyList<T>.Value : ImmutableCollectionsMarshal.AsImmutableArray(array);

    private static class EmptyList<T>
    {
        public static readonly IReadOnlyList<T> Value = ImmutableArray<T>.Empty;
    }
}
