namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>
/// A set of JSON documents keyed by id, as a document database keeps a collection. Every read-modify-write of the
/// stores happens under <see cref="Gate"/>, the set's one lock, which is what makes their checks and writes
/// atomic (a real database would do it with a conditional update or a unique index).
/// </summary>
public sealed class DocumentSet
{
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);

    /// <summary>Gets the lock held around every access to the documents.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Gets a copy of every document's JSON text, for tests to look at what is stored.</summary>
    /// <returns>The documents.</returns>
    public IReadOnlyList<string> Documents()
    {
        lock (Gate)
        {
            return [.. _documents.Values];
        }
    }

    // The members below are called with Gate held.
    internal bool TryGet(string id, out string json) => _documents.TryGetValue(id, out json!);

    internal bool Contains(string id) => _documents.ContainsKey(id);

    internal void Put(string id, string json) => _documents[id] = json;

    internal bool Remove(string id) => _documents.Remove(id);

    internal IEnumerable<string> All() => _documents.Values;
}
