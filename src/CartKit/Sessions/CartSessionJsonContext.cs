using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartKit.Sessions;

// Source-generated JSON for the cart session, so stores that serialize sessions (Redis) neither reflect over the
// type nor build serializers at run time. Camel case and no nulls: {"cartId":"...","userId":"..."}, read and written
// by CartSessionJsonConverter (scoped to this context, so a host serializing CartSession itself is unaffected).
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CartSessionJsonConverter)])]
[JsonSerializable(typeof(CartSession))]
internal sealed partial class CartSessionJsonContext : JsonSerializerContext;
