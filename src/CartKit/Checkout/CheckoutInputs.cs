namespace CartKit.Checkout;

// Idempotency keys and payment references are stored and echoed back, so both are bounded visible ASCII.
internal static class CheckoutInputs
{
    public const int MaxIdempotencyKeyLength = 255;
    public const int MaxPaymentReferenceLength = 200;

    public static readonly CartKitError InvalidIdempotencyKey = new(
        CartKitErrorCode.Validation,
        $"An Idempotency-Key must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters.",
        "Idempotency-Key");

    public static readonly CartKitError InvalidPaymentReference = new(
        CartKitErrorCode.Validation,
        $"A payment reference must be 1 to {MaxPaymentReferenceLength} visible ASCII characters.",
        "paymentReference");

    public static bool IsValidIdempotencyKey(string? key) => IsVisibleAscii(key, MaxIdempotencyKeyLength);

    public static bool IsValidPaymentReference(string? reference) => IsVisibleAscii(reference, MaxPaymentReferenceLength);

    private static bool IsVisibleAscii(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => c is > ' ' and <= '~');
}
