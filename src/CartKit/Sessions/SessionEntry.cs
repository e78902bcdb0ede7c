namespace CartKit.Sessions;

/// <summary>A live session: its id, its value and when it expires unless used again.</summary>
/// <typeparam name="T">The session value type.</typeparam>
/// <param name="Id">The session id.</param>
/// <param name="Value">The session value.</param>
/// <param name="ExpiresAt">When the session expires.</param>
public sealed record SessionEntry<T>(string Id, T Value, DateTimeOffset ExpiresAt)
    where T : class;
