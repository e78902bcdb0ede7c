using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartKit.AspNetCore.Http;

// Reads a small JSON body with CartKit's own rules: application/json only, at most MaxBytes, strict types. Every
// failure is a problem result naming the field at fault, never an exception that escapes as a 500.
internal static class JsonBody
{
    public const int MaxBytes = 16 * 1024;

    public static async ValueTask<BodyResult<T>> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return CartKitProblems.UnsupportedMediaType();
        }

        if (request.ContentLength > MaxBytes)
        {
            return CartKitProblems.PayloadTooLarge(MaxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            do
            {
                read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), cancellationToken).ConfigureAwait(false);
                length += read;
                if (length > MaxBytes)
                {
                    return CartKitProblems.PayloadTooLarge(MaxBytes);
                }
            }
            while (read > 0);

            return Deserialize(buffer.AsSpan(0, length), typeInfo);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return CartKitProblems.PayloadTooLarge(MaxBytes);
        }
        catch (BadHttpRequestException)
        {
            return CartKitProblems.Validation("body", "The request body could not be read.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static BodyResult<T> Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (json.IsEmpty)
        {
            return CartKitProblems.Validation("body", "A JSON object body is required.");
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) is { } value
                ? new BodyResult<T>(value)
                : CartKitProblems.Validation("body", "A JSON object body is required.");
        }
        catch (JsonException ex)
        {
            // The serializer's message names CLR types; say what the client can act on instead.
            var field = FieldOf(ex.Path);
            return field is null
                ? CartKitProblems.Validation("body", "The request body is not a valid JSON object.")
                : CartKitProblems.Validation(field, $"'{field}' does not hold a valid value: wrong JSON type, out of range, or sent twice.");
        }
    }

    // "$.quantity" -> "quantity"; "$.sku.$gt" -> "sku"; "$" or "$[0]" -> null.
    private static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path.AsSpan(2);
        var end = rest.IndexOfAny('.', '[');
        var field = (end < 0 ? rest : rest[..end]).ToString();
        return field.Length == 0 ? null : field;
    }
}

internal readonly struct BodyResult<T>
    where T : class
{
    public BodyResult(T value) => Value = value;

    private BodyResult(IResult problem) => Problem = problem;

    public T? Value { get; }

    public IResult? Problem { get; }

    public static implicit operator BodyResult<T>(ProblemHttpResult problem) => new(problem);

    public static implicit operator BodyResult<T>(ValidationProblem problem) => new(problem);
}
