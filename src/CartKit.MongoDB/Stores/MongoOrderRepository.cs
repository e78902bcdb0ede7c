using CartKit.Domain;
using CartKit.Events;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Documents;
using CartKit.MongoDB.Indexes;
using CartKit.Storage;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Orders in MongoDB, written with majority write concern. The unique index orders_one_per_cart_version makes
// concurrent checkouts of one cart version produce one order (the losing insert returns the winner's);
// orders_one_paid_per_cart makes a second payment for a cart fail. Status changes are findAndModify operations
// filtered on the status they move from, so they are atomic without a transaction.
internal sealed partial class MongoOrderRepository(MongoCollections collections) : IOrderRepository
{
    private const int MaxInsertAttempts = 3;

    private readonly IMongoCollection<OrderDocument> _orders = collections.Orders;

    public async ValueTask<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await FindOneAsync(OrderQueries.ById(orderId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<Order?> FindByCartVersionAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default)
    {
        try
        {
            return await FindOneAsync(OrderQueries.ByCartVersion(cartId, cartVersion), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<IReadOnlyList<Order>> ListByCartAsync(string cartId, CancellationToken cancellationToken = default)
    {
        try
        {
            var documents = await _orders.Find(OrderQueries.ByCart(cartId))
                .Sort(OrderQueries.OldestFirst)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return documents.Select(MongoDocumentMapper.ToOrder).ToArray();
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<OrderInsertResult> InsertAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var document = MongoDocumentMapper.ToDocument(order);

        // The order placed event is part of the inserted document: it exists exactly when the order does.
        document.Events = [OrderQueries.Event(CartKitEventType.OrderPlaced, order.CreatedAt)];
        document.EventsDueAt = order.CreatedAt.UtcDateTime;
        try
        {
            for (var attempt = 1; attempt <= MaxInsertAttempts; attempt++)
            {
                string? collidedWith;
                try
                {
                    await _orders.InsertOneAsync(document, options: null, cancellationToken).ConfigureAwait(false);
                    return new OrderInsertResult(true, MongoDocumentMapper.ToOrder(document));
                }
                catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is MongoIndexes.OrdersOnePerCartVersion or MongoIndexes.Id)
                {
                    collidedWith = MongoFaults.DuplicateKeyIndex(ex);
                }

                // Another checkout of this cart version got there first: its order is the one for this version.
                var winner = await FindOneAsync(OrderQueries.ByCartVersion(order.CartId, order.CartVersion), cancellationToken).ConfigureAwait(false);
                if (winner is not null)
                {
                    // Our own order when retryable writes are off and a repeated insert found the first one stored.
                    return new OrderInsertResult(string.Equals(winner.Id, order.Id, StringComparison.Ordinal), winner);
                }

                if (collidedWith == MongoIndexes.Id)
                {
                    throw new InvalidOperationException("An order with this id already exists.");
                }

                // The winner vanished between the two calls (deleted by hand): insert again.
            }

            throw new InvalidOperationException(
                $"Could not insert the order or read the one that holds its cart version after {MaxInsertAttempts} attempts.");
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _orders.UpdateManyAsync(
                OrderQueries.PendingBefore(cartId, beforeCartVersion),
                OrderQueries.Closed(OrderStatus.Superseded, closedAt),
                options: null,
                cancellationToken).ConfigureAwait(false);
            return checked((int)result.ModifiedCount);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<OrderPaymentResult> MarkPaidAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default)
    {
        try
        {
            OrderDocument? paid;
            try
            {
                paid = await _orders.FindOneAndUpdateAsync(
                    OrderQueries.PayableById(orderId, paidAt),
                    OrderQueries.Paid(paymentReference, paidAt),
                    OrderQueries.ReturnUpdated,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is MongoIndexes.OrdersOnePaidPerCart)
            {
                // Nothing changed: the order is still pending, and stays so for the engine to supersede.
                var unchanged = await FindOneAsync(OrderQueries.ById(orderId), cancellationToken).ConfigureAwait(false);
                return new OrderPaymentResult(OrderPaymentOutcome.AnotherOrderPaid, unchanged);
            }

            if (paid is not null)
            {
                return new OrderPaymentResult(OrderPaymentOutcome.Paid, MongoDocumentMapper.ToOrder(paid));
            }

            // Not payable (no longer pending, or expired), or unknown.
            var current = await FindOneAsync(OrderQueries.ById(orderId), cancellationToken).ConfigureAwait(false);
            return current is null
                ? new OrderPaymentResult(OrderPaymentOutcome.NotFound, null)
                : new OrderPaymentResult(OrderPaymentOutcome.NotPending, current);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<Order?> CloseAsync(string orderId, OrderStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        OrderEndStates.EnsureClosing(status);
        return await UpdateOneAsync(orderId, OrderQueries.PendingById(orderId), OrderQueries.Closed(status, closedAt), cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<Order?> RecordPaymentConflictAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default) =>
        UpdateOneAsync(orderId, OrderQueries.ConflictCandidateById(orderId), OrderQueries.PaymentConflict(paymentReference, paidAt), cancellationToken);

    // One conditional findAndModify; when its filter no longer matches, the order as it is now (or null if unknown).
    private async ValueTask<Order?> UpdateOneAsync(
        string orderId,
        FilterDefinition<OrderDocument> filter,
        UpdateDefinition<OrderDocument> update,
        CancellationToken cancellationToken)
    {
        try
        {
            var updated = await _orders.FindOneAndUpdateAsync(filter, update, OrderQueries.ReturnUpdated, cancellationToken).ConfigureAwait(false);
            return updated is not null
                ? MongoDocumentMapper.ToOrder(updated)
                : await FindOneAsync(OrderQueries.ById(orderId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    private async Task<Order?> FindOneAsync(FilterDefinition<OrderDocument> filter, CancellationToken cancellationToken)
    {
        var document = await _orders.Find(filter).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : MongoDocumentMapper.ToOrder(document);
    }
}
