using System.Text.Json.Serialization;
using CartKit.SampleApi.Products;

namespace CartKit.SampleApi;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProductResponse[]))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;
