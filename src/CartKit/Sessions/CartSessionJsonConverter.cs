using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartKit.Sessions;

// The cart session's JSON, {"cartId":"...","userId":"..."} (userId only when set), read and written by hand: every
// cart read deserializes one, and the generated path for a record with a constructor allocates argument state on
// each call. Property names match as the Web defaults do (case-insensitive); unknown properties are skipped.
internal sealed class CartSessionJsonConverter : JsonConverter<CartSession>
{
    public override CartSession Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A cart session must be a JSON object.");
        }

        string? cartId = null, userId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = Property(ref reader);
            reader.Read();
            switch (property)
            {
                case Known.CartId:
                    cartId = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("'cartId' must be a string.");
                    break;
                case Known.UserId:
                    userId = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => null,
                        _ => throw new JsonException("'userId' must be a string or null."),
                    };
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A cart session must be a JSON object.");
        }

        return new CartSession(cartId ?? throw new JsonException("A cart session has no 'cartId'."), userId);
    }

    public override void Write(Utf8JsonWriter writer, CartSession value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("cartId"u8, value.CartId);
        if (value.UserId is { } userId)
        {
            writer.WriteString("userId"u8, userId);
        }

        writer.WriteEndObject();
    }

    private static Known Property(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("cartId"u8))
        {
            return Known.CartId;
        }

        if (reader.ValueTextEquals("userId"u8))
        {
            return Known.UserId;
        }

        // The exact names above are all CartKit writes; other casings are read as the Web defaults would read them.
        var name = reader.GetString();
        return string.Equals(name, "cartId", StringComparison.OrdinalIgnoreCase) ? Known.CartId
            : string.Equals(name, "userId", StringComparison.OrdinalIgnoreCase) ? Known.UserId
            : Known.Other;
    }

    private enum Known
    {
        Other,
        CartId,
        UserId,
    }
}
