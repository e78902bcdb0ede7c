using CartKit.Domain;
using CartKit.MongoDB.Documents;
using CartKit.Testing;
using MongoDB.Bson;
using Xunit.Abstractions;

namespace CartKit.MongoDB.Tests;

/// <summary>Backs the document sizes docs/operations.md gives for capacity planning.</summary>
public sealed class MongoDocumentSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void ACartDocument_IsAboutTheSizeTheOperationsGuideStates()
    {
        MongoClassMapsRegistered();
        var sizes = new[] { 0, 1, 10, 100 }.ToDictionary(lines => lines, lines => MongoDocumentMapper.ToDocument(CartWith(lines)).ToBson().Length);
        var perLine = (sizes[100] - sizes[0]) / 100.0;
        output.WriteLine($"cart document bytes by lines: {string.Join(", ", sizes.Select(s => $"{s.Key}: {s.Value}"))}; {perLine:F1} per line");

        // docs/operations.md: "about 300 bytes plus roughly 115 bytes per line" (skus of 10 and names of 17 characters).
        Assert.InRange(sizes[0], 250, 350);
        Assert.InRange(perLine, 100, 130);
    }

    [Fact]
    public void CheckoutDetails_AddAboutTheSizeTheOperationsGuideStates()
    {
        MongoClassMapsRegistered();
        var without = MongoDocumentMapper.ToDocument(CartWith(1)).ToBson().Length;
        var with = MongoDocumentMapper.ToDocument(CartWith(1) with { Details = Samples.Details }).ToBson().Length;
        output.WriteLine($"checkout details (two addresses, an email, a method, two codes): {with - without} bytes");

        // docs/operations.md: "checkout details add about 400 bytes" (Samples.Details: two typical addresses).
        Assert.InRange(with - without, 300, 500);
    }

    private static void MongoClassMapsRegistered() => MongoClassMaps.EnsureRegistered();

    private static Cart CartWith(int lines) => Samples.Cart(userId: "user-12345") with
    {
        Lines = [.. Enumerable.Range(0, lines).Select(i => new LineItem(CartKitIds.NewItemId(), $"SKU-{i:D6}", $"Product name {i:D4}", new Money(1999, Currency.USD), 1 + (i % 5)))],
        Adjustments = [],
        Details = CheckoutDetails.None,
    };
}
