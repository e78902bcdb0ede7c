using System.Text.Json;
using System.Text.Json.Serialization;
using CartKit.AspNetCore.Contracts;

namespace CartKit.AspNetCore.Serialization;

// Web defaults (camelCase, case-insensitive reads), but strict: numbers must be JSON numbers (no "5"), and a property
// sent twice is refused rather than silently taking the last value.
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CartResponse))]
[JsonSerializable(typeof(CreateCartResponse))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(AddItemRequest))]
[JsonSerializable(typeof(SetQuantityRequest))]
[JsonSerializable(typeof(ConfirmPaymentRequest))]
[JsonSerializable(typeof(CancelOrderRequest))]
[JsonSerializable(typeof(PriceChangeResponse[]))]
[JsonSerializable(typeof(StockShortageResponse[]))]
[JsonSerializable(typeof(UpdateCartDetailsRequest))]
internal sealed partial class CartKitJsonContext : JsonSerializerContext;
