using System.Text.Json.Serialization;
using CartKit.SampleApi.Products;

namespace CartKit.SampleApi;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProductResponse[]))]
[JsonSerializable(typeof(ProductResponse))]
[JsonSerializable(typeof(UpdateProductRequest))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
