namespace CartKit.Storage;

/// <summary>The outcome of a cart write to the source of truth.</summary>
public enum CartWriteResult
{
    /// <summary>The cart was stored.</summary>
    Written = 0,

    /// <summary>Another writer got there first: the stored version is not the expected one (or the id is taken).</summary>
    VersionConflict = 1,

    /// <summary>The cart's user already has another active cart.</summary>
    UserHasActiveCart = 2,
}
