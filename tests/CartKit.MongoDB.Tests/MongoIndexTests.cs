using CartKit.Domain;
using CartKit.MongoDB.Documents;
using CartKit.MongoDB.Indexes;
using CartKit.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using Snapshooter.Xunit;

namespace CartKit.MongoDB.Tests;

/// <summary>The indexes CartKit creates, offline: their exact definitions, their names, and what the partial ones cover.</summary>
public sealed class MongoIndexTests
{
    [Fact]
    public void EveryIndex_IsDefinedExactlyLikeThis()
    {
        Snapshot.Match(MongoRender.Json(new BsonDocument
        {
            { "carts", new BsonArray(MongoIndexes.Carts.Select(MongoRender.Index)) },
            { "orders", new BsonArray(MongoIndexes.Orders.Select(MongoRender.Index)) },
            { "idempotencyKeys", new BsonArray(MongoIndexes.IdempotencyKeys.Select(MongoRender.Index)) },
            { "stockReservations", new BsonArray(MongoIndexes.StockReservations.Select(MongoRender.Index)) },
        }));
    }

    [Fact]
    public void TheIndexSet_IsExactlyTheNamedSet()
    {
        Assert.Equal(
            ["carts_by_session", "carts_by_user_status", "carts_one_active_per_user_v2", "carts_by_status_last_activity"],
            Names(MongoIndexes.Carts));
        Assert.Equal(
            ["orders_one_per_cart_version", "orders_by_cart_created", "orders_one_paid_per_cart", "orders_events_due"],
            Names(MongoIndexes.Orders));
        Assert.Equal(["idempotency_keys_expire"], Names(MongoIndexes.IdempotencyKeys));
        Assert.Equal(["stock_reservations_by_state_expiry"], Names(MongoIndexes.StockReservations));
        Assert.DoesNotContain(MongoIndexes.StockReservations, i => i.Options.Unique == true);
    }

    [Fact]
    public void TheStoresRecogniseTheirUniqueIndexes_ByTheNamesTheIndexesAreCreatedWith()
    {
        var unique = MongoIndexes.Carts.Where(i => i.Options.Unique == true).Select(i => i.Options.Name)
            .Concat(MongoIndexes.Orders.Where(i => i.Options.Unique == true).Select(i => i.Options.Name))
            .Concat(MongoIndexes.IdempotencyKeys.Where(i => i.Options.Unique == true).Select(i => i.Options.Name));

        Assert.Equal(
            [MongoIndexes.CartsOneActivePerUser, MongoIndexes.OrdersOnePerCartVersion, MongoIndexes.OrdersOnePaidPerCart],
            unique);
    }

    [Theory]
    [InlineData(CartStatus.Active, "user-1", true)]
    [InlineData(CartStatus.Active, null, false)]
    [InlineData(CartStatus.Completed, "user-1", false)]
    [InlineData(CartStatus.Merged, "user-1", false)]
    public void OneActiveCartPerUser_CoversOnlyActiveCartsOfSignedInUsers(CartStatus status, string? userId, bool covered)
    {
        var index = MongoIndexes.Carts.Single(i => i.Options.Name == MongoIndexes.CartsOneActivePerUser);
        var partial = MongoRender.Filter(index.Options.PartialFilterExpression);
        var cart = MongoRender.Document(MongoDocumentMapper.ToDocument(Samples.Cart(userId: userId, status: status)));

        Assert.Equal(covered, BsonFilterEvaluator.Matches(partial, cart));
    }

    [Theory]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.PendingPayment, false)]
    [InlineData(OrderStatus.Superseded, false)]
    public void OnePaidOrderPerCart_CoversOnlyPaidOrders(OrderStatus status, bool covered)
    {
        var index = MongoIndexes.Orders.Single(i => i.Options.Name == MongoIndexes.OrdersOnePaidPerCart);
        var partial = MongoRender.Filter(index.Options.PartialFilterExpression);
        var order = MongoRender.Document(MongoDocumentMapper.ToDocument(Samples.Order(Samples.Cart(), status)));

        Assert.Equal(covered, BsonFilterEvaluator.Matches(partial, order));
    }

    // Amazon DocumentDB 5.0 accepts only these in a partial index filter (its documentation: $eq, $exists, $gt, $gte,
    // $lt, $lte, and $and at the top level); an index with anything else fails CartKit's start there.
    [Fact]
    public void EveryPartialFilter_UsesOnlyOperatorsAmazonDocumentDbAccepts()
    {
        var partials = MongoIndexes.Carts.Select(i => (i.Options.Name, Filter: Partial(i.Options.PartialFilterExpression)))
            .Concat(MongoIndexes.Orders.Select(i => (i.Options.Name, Filter: Partial(i.Options.PartialFilterExpression))))
            .Concat(MongoIndexes.IdempotencyKeys.Select(i => (i.Options.Name, Filter: Partial(i.Options.PartialFilterExpression))))
            .Concat(MongoIndexes.StockReservations.Select(i => (i.Options.Name, Filter: Partial(i.Options.PartialFilterExpression))))
            .Where(p => p.Filter is not null)
            .ToList();

        Assert.NotEmpty(partials);
        foreach (var (name, filter) in partials)
        {
            foreach (var element in filter!)
            {
                if (element.Name == "$and")
                {
                    Assert.All(element.Value.AsBsonArray, clause => AssertFieldConditions(name, clause.AsBsonDocument));
                }
                else
                {
                    AssertFieldConditions(name, new BsonDocument(element));
                }
            }
        }

        static void AssertFieldConditions(string name, BsonDocument conditions)
        {
            string[] accepted = ["$eq", "$exists", "$gt", "$gte", "$lt", "$lte"];
            foreach (var condition in conditions)
            {
                Assert.False(condition.Name.StartsWith('$'), $"{name}: {condition.Name} is not accepted below the top level");
                if (condition.Value is BsonDocument operators && operators.Names.Any(n => n.StartsWith('$')))
                {
                    Assert.All(operators.Names, op => Assert.True(accepted.Contains(op), $"{name}: DocumentDB refuses {op} in a partial index filter"));
                }
            }
        }
    }

    private static BsonDocument? Partial<T>(FilterDefinition<T>? filter) => filter is null ? null : MongoRender.Filter(filter);

    private static string[] Names<T>(IEnumerable<CreateIndexModel<T>> indexes) => [.. indexes.Select(i => i.Options.Name)];
}
