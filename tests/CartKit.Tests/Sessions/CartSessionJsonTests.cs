using System.Text.Json;
using System.Text.Json.Serialization;
using CartKit.Sessions;

namespace CartKit.Tests.Sessions;

/// <summary>
/// The cart session's stored JSON: what the hand-written converter writes and reads is exactly what the Web-default
/// serializer writes and reads, so sessions stored before it keep working, and malformed ones fail as JSON errors.
/// </summary>
public sealed class CartSessionJsonTests
{
    private static readonly JsonSerializerOptions WebDefaults = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TheoryData<CartSession> Sessions() =>
        [new CartSession("cart-1"), new CartSession("cart-1", "user-1"), new CartSession("c\"a\\r\u00fct", "u/\u2028s")];

    [Theory]
    [MemberData(nameof(Sessions))]
    public void ASession_IsWrittenAsTheWebDefaultsWriteIt_AndReadBack(CartSession session)
    {
        var written = JsonSerializer.Serialize(session, CartSessionJsonContext.Default.CartSession);

        Assert.Equal(JsonSerializer.Serialize(session, WebDefaults), written);
        Assert.Equal(session, JsonSerializer.Deserialize(written, CartSessionJsonContext.Default.CartSession));
    }

    [Theory]
    [InlineData("""{"cartId":"c","userId":null}""", "c", null)]
    [InlineData("""{"userId":"u","cartId":"c"}""", "c", "u")]
    [InlineData("""{"CartId":"c","USERID":"u"}""", "c", "u")]
    [InlineData("""{"cartId":"c","extra":{"nested":[1,2,{"x":null}]},"more":true}""", "c", null)]
    public void StoredVariants_ReadAsTheWebDefaultsReadThem(string json, string cartId, string? userId)
    {
        Assert.Equal(new CartSession(cartId, userId), JsonSerializer.Deserialize(json, CartSessionJsonContext.Default.CartSession));
        Assert.Equal(new CartSession(cartId, userId), JsonSerializer.Deserialize<CartSession>(json, WebDefaults));
    }

    [Theory]
    [InlineData("""{"userId":"u"}""")]
    [InlineData("""{"cartId":5}""")]
    [InlineData("""{"cartId":"c","userId":7}""")]
    [InlineData("""["cartId","c"]""")]
    [InlineData("""{"cartId":"c" """)]
    public void AMalformedSession_IsAJsonError(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, CartSessionJsonContext.Default.CartSession));
}
