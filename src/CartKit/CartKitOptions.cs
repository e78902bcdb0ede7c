using CartKit.Caching;
using CartKit.Carts;
using CartKit.Events;

namespace CartKit;

/// <summary>Options for the cart and checkout engines, set through <c>services.AddCartKit(options => ...)</c>.</summary>
public sealed class CartKitOptions
{
    /// <summary>Gets or sets how long a cart session lives without being used (sliding).</summary>
    /// <value>30 minutes. Between 1 minute and 30 days.</value>
    public TimeSpan SessionTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets how long a cart session this process has just read or written is answered from its memory instead
    /// of the session store, when that store is remote (Redis). Within it, a cache-hit cart read sends one command (the
    /// cart's) instead of two; the session's sliding expiry is then pushed back at most once per interval rather than on
    /// every read, and a session removed by another process (<see cref="Sessions.ISessionStore{T}.RemoveAsync"/>, a
    /// Redis flush) is noticed here once the interval has passed. Changes made through CartKit (sign-in, merges, a paid
    /// order's remainder cart) are followed at once, since they show on the cart itself. <see cref="TimeSpan.Zero"/>
    /// asks the store on every read. The in-memory session store is always asked: it is exact and as fast.
    /// </summary>
    /// <value>1 second. Between zero and a tenth of <see cref="SessionTtl"/>.</value>
    public TimeSpan SessionRecheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the largest quantity one line can hold.</summary>
    /// <value>99. Between 1 and 1,000,000.</value>
    public int MaxQuantityPerLine { get; set; } = 99;

    /// <summary>Gets or sets the largest number of distinct lines in a cart.</summary>
    /// <value>100. Between 1 and 1,000.</value>
    public int MaxLinesPerCart { get; set; } = 100;

    /// <summary>
    /// Gets or sets the ISO 4217 code of the currency a new, empty cart starts in. An empty cart takes the
    /// currency of the first product added to it; after that, products in other currencies are refused.
    /// </summary>
    /// <value><c>USD</c>.</value>
    public string DefaultCurrency { get; set; } = "USD";

    /// <summary>
    /// Gets or sets how many times a write is attempted when a concurrent writer changed the cart first.
    /// </summary>
    /// <value>10. Between 1 and 100.</value>
    public int MaxWriteAttempts { get; set; } = 10;

    /// <summary>
    /// Gets or sets how long a pending order can be paid. After it the order reads as expired, a payment for it is
    /// refused (and kept as a payment conflict), and checking out the cart again makes a new order, priced again.
    /// </summary>
    /// <value>
    /// 1 hour: long enough for a payment page, 3-D Secure and a bank redirect; short enough that prices and (with an
    /// inventory) reserved stock do not stay held for abandoned payments. Between 1 second and 30 days; seconds are
    /// accepted so demos and tests can use short ones.
    /// </value>
    public TimeSpan PendingOrderTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how often the expiry sweep (which runs only when an inventory is registered) looks for stock
    /// reservations past their order's expiry: it closes those orders as expired and releases their units, or commits
    /// them when the order was paid, including reservations a process left behind when it died.
    /// </summary>
    /// <value>1 minute. Between 1 second and 1 day; seconds are accepted so demos and tests can use short ones.</value>
    public TimeSpan OrderExpiryScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long a checkout idempotency key is remembered.</summary>
    /// <value>24 hours. Between 1 minute and 30 days.</value>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets how long a checkout holding an idempotency key may run before another request with the same
    /// key may take it over (so a crashed request does not block its key until it expires).
    /// </summary>
    /// <value>30 seconds. Between 1 second and 10 minutes.</value>
    public TimeSpan IdempotencyKeyLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how a guest cart is merged into the user's active cart when the user signs in through the guest
    /// session: quantities of a sku both carts hold are added up, or one side's quantity wins. Lines only one cart has
    /// are kept either way; what <see cref="MaxQuantityPerLine"/> and <see cref="MaxLinesPerCart"/> leave out is
    /// reported on the merged cart (<see cref="Domain.Cart.Warnings"/>). Bound from configuration by name
    /// (<c>CartKit:MergeStrategy</c> = <c>Sum</c>, <c>KeepUser</c> or <c>KeepGuest</c>).
    /// </summary>
    /// <value><see cref="CartMergeStrategy.Sum"/>.</value>
    public CartMergeStrategy MergeStrategy { get; set; } = CartMergeStrategy.Sum;

    /// <summary>
    /// Gets the options of the process-wide reuse tables that let a cache-hit read of an unchanged cart skip decoding
    /// and serializing it again (see <see cref="ReuseTables"/>).
    /// </summary>
    public ReuseTablesOptions Reuse { get; } = new();

    /// <summary>
    /// Gets the options of the event relay, which delivers order events to every <see cref="Events.ICartKitEventSubscriber"/>
    /// (poll interval, lease, retries, backoff).
    /// </summary>
    public EventRelayOptions Events { get; } = new();
}
