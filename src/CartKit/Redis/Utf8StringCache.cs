using System.Text;

namespace CartKit.Redis;

// Skus, product names and adjustment names repeat across every cart of a shop, so reading a cached cart need not
// allocate them again each time: a small, fixed-size, lock-free table keyed by the UTF-8 bytes returns the string it
// made last time. A collision just replaces the slot (it is a cache, not an intern pool), so memory stays bounded
// whatever the catalog.
internal static class Utf8StringCache
{
    private const int Slots = 4096;
    private const int MaxBytes = 64;

    private static readonly Entry?[] Table = new Entry?[Slots];

    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slot = (int)(Hash(utf8) & (Slots - 1));
        var entry = Volatile.Read(ref Table[slot]);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Value;
        }

        var value = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref Table[slot], new Entry(utf8.ToArray(), value));
        return value;
    }

    // FNV-1a: short keys, no allocation, good enough spread for a cache whose collisions only cost a string.
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private sealed record Entry(byte[] Utf8, string Value);
}
