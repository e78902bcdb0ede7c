namespace CartKit.Carts;

// User ids come from the host's authentication, but they are stored and indexed, so they are bounded and printable.
internal static class UserIds
{
    public const int MaxLength = 256;

    public static bool IsValidOrNull(string? userId) =>
        userId is null || (userId.Length is > 0 and <= MaxLength && !userId.Any(char.IsControl) && !string.IsNullOrWhiteSpace(userId));

    public static readonly CartKitError Invalid =
        CartErrors.Validation("userId", $"A user id must be 1 to {MaxLength} printable characters.");
}
