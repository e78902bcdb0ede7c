using System.Text.Json.Serialization;

namespace CartKit.CustomStore.Tests.DocumentStore;

// The documents' serializer: source-generated, camelCase, enums by name.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CartDocument))]
[JsonSerializable(typeof(OrderDocument))]
[JsonSerializable(typeof(IdempotencyKeyDocument))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
