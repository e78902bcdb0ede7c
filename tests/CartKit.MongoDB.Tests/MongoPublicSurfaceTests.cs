using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.MongoDB.Tests;

/// <summary>The MongoDB support adds three public names to CartKit; everything else stays internal and free to change.</summary>
public sealed class MongoPublicSurfaceTests
{
    [Fact]
    public void OnlyTheOptionsTheIndexHookUseMongoStorageAndUseMongoInventory_ArePublic()
    {
        var publicTypes = typeof(MongoStorageOptions).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(MongoStorageOptions).Namespace)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        var extensions = typeof(MongoCartKitBuilderExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => m.Name);

        Assert.Equal(["ICartKitMongoIndexes", "MongoStorageOptions"], publicTypes);
        Assert.Equal(["UseMongoInventory", "UseMongoStorage"], extensions.Order(StringComparer.Ordinal));
    }
}
