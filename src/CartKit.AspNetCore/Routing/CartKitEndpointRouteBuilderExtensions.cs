using CartKit.AspNetCore.Contracts;
using CartKit.AspNetCore.Endpoints;
using CartKit.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Microsoft.AspNetCore.Routing;

/// <summary>Maps CartKit's HTTP API into a route group the host chooses, for example <c>app.MapGroup("/api").MapCartKit()</c>.</summary>
public static class CartKitEndpointRouteBuilderExtensions
{
    private const string CartTag = "Cart";
    private const string OrdersTag = "Orders";

    /// <summary>
    /// Maps the cart and order routes: <c>POST /cart</c>, <c>GET /cart/{sessionId}</c>, <c>PATCH /cart/{sessionId}</c>
    /// (checkout details), the item routes (add, change, remove one line, <c>DELETE /cart/{sessionId}/items</c> to empty
    /// the cart), <c>POST /cart/{sessionId}/checkout</c>, <c>GET /orders/{orderId}</c> and
    /// <c>POST /orders/{orderId}/cancel</c>. Payment confirmation is mapped
    /// separately by <see cref="MapCartKitPayments"/> so the host can put its own authorization on it.
    /// Requires <c>services.AddCartKit()</c>.
    /// </summary>
    /// <param name="endpoints">The route builder, usually a group such as <c>app.MapGroup("/api")</c>.</param>
    /// <returns>The group holding the routes, for further conventions (authorization, rate limiting).</returns>
    public static RouteGroupBuilder MapCartKit(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty);
        group.AddEndpointFilter<StoreUnavailableFilter>();
        group.WithRetryAfterHeader(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/cart", CartEndpoints.CreateAsync)
            .WithName(RouteNames.CreateCart)
            .WithSummary("Start a cart session")
            .WithDescription("Creates a session with an empty cart (or, for a signed-in user, their active cart). The session id is a bearer secret: keep it and send it back in the other cart routes.")
            .WithTags(CartTag)
            .Produces<CreateCartResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithLocationHeader(StatusCodes.Status201Created)
            .WithETagHeader(StatusCodes.Status201Created);

        group.MapGet("/cart/{sessionId}", CartEndpoints.GetAsync)
            .WithName(RouteNames.GetCart)
            .WithSummary("Get the session's cart")
            .WithDescription("Returns the cart with an ETag naming it at its version, and extends the session's sliding expiry.")
            .WithTags(CartTag)
            .Produces<CartResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithETagHeader(StatusCodes.Status200OK);

        group.MapPatch("/cart/{sessionId}", CartEndpoints.UpdateDetailsAsync)
            .WithName(RouteNames.UpdateCartDetails)
            .WithSummary("Set the cart's checkout details")
            .WithDescription("Sets email, shipping and billing address, shipping method and discount codes, and prices the cart again. Each property sent replaces the cart's value and null clears it; properties left out keep theirs; an address and the code list are replaced whole. A discount code or shipping method the host's pricing does not accept is refused with 422 and not kept. Send If-Match with the cart's ETag to refuse the change if the cart changed meanwhile.")
            .WithTags(CartTag)
            .AcceptsJson<UpdateCartDetailsRequest>()
            .Produces<CartResponse>()
            .WithETagHeader(StatusCodes.Status200OK)
            .WithMutationProblems();

        group.MapPost("/cart/{sessionId}/items", CartEndpoints.AddItemAsync)
            .WithName(RouteNames.AddCartItem)
            .WithSummary("Add a product to the cart")
            .WithDescription("Adds units of a product priced by the catalog; the same sku merges into one line. Send If-Match with the cart's ETag to refuse the change if the cart changed meanwhile.")
            .WithTags(CartTag)
            .AcceptsJson<AddItemRequest>()
            .Produces<CartResponse>()
            .WithETagHeader(StatusCodes.Status200OK)
            .WithMutationProblems();

        group.MapPatch("/cart/{sessionId}/items/{itemId}", CartEndpoints.SetQuantityAsync)
            .WithName(RouteNames.SetCartItemQuantity)
            .WithSummary("Change a line's quantity")
            .WithDescription("Sets the quantity of a line; 0 removes it.")
            .WithTags(CartTag)
            .AcceptsJson<SetQuantityRequest>()
            .Produces<CartResponse>()
            .WithETagHeader(StatusCodes.Status200OK)
            .WithMutationProblems();

        group.MapDelete("/cart/{sessionId}/items/{itemId}", CartEndpoints.RemoveItemAsync)
            .WithName(RouteNames.RemoveCartItem)
            .WithSummary("Remove a line")
            .WithTags(CartTag)
            .Produces<CartResponse>()
            .WithBodilessEditProblems()
            .WithETagHeader(StatusCodes.Status200OK);

        group.MapDelete("/cart/{sessionId}/items", CartEndpoints.ClearAsync)
            .WithName(RouteNames.ClearCart)
            .WithSummary("Empty the cart")
            .WithDescription("Removes every line; the cart stays the session's, active and editable. Clearing an empty cart changes nothing and keeps its version.")
            .WithTags(CartTag)
            .Produces<CartResponse>()
            .WithBodilessEditProblems()
            .WithETagHeader(StatusCodes.Status200OK);

        group.MapPost("/cart/{sessionId}/checkout", OrderEndpoints.CheckoutAsync)
            .WithName(RouteNames.CheckoutCart)
            .WithSummary("Check out the cart")
            .WithDescription("Snapshots the cart into a pending order, priced from the catalog now. 201 for a new order; 200 for the existing pending order of an unchanged cart, or the first result of a repeated Idempotency-Key. When a catalog price changed or a product became unavailable, the cart is re-priced and 409 price-changed lists the changes; checking out again accepts them. The order can be paid until its expiresAt; the cart stays editable until payment is confirmed.")
            .WithTags(CartTag, OrdersTag)
            .Produces<OrderResponse>(StatusCodes.Status201Created)
            .Produces<OrderResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithLocationHeader(StatusCodes.Status201Created, StatusCodes.Status200OK);

        group.MapGet("/orders/{orderId}", OrderEndpoints.GetAsync)
            .WithName(RouteNames.GetOrder)
            .WithSummary("Get an order")
            .WithDescription("Returns the order with its status as of now (a pending order past expiresAt is expired). The id is an unguessable 128-bit secret like the session id; an order of a signed-in user's cart is visible only to that user. The payment reference is never shown here.")
            .WithTags(OrdersTag)
            .Produces<OrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/orders/{orderId}/cancel", OrderEndpoints.CancelAsync)
            .WithName(RouteNames.CancelOrder)
            .WithSummary("Cancel a pending order")
            .WithDescription("Cancels a pending order for the shopper whose session (sent in the body) holds its cart; the cart can then be checked out again. Cancelling a cancelled order returns it; a paid, expired or superseded order answers 409.")
            .WithTags(OrdersTag)
            .AcceptsJson<CancelOrderRequest>()
            .Produces<OrderResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    /// <summary>
    /// Maps <c>POST /orders/{orderId}/payment</c>, which marks an order paid and completes its cart. It is separate
    /// from <see cref="MapCartKit"/> because only the host's payment integration may call it: protect the returned
    /// group, for example with <c>RequireAuthorization(...)</c> or an endpoint filter checking a shared secret.
    /// </summary>
    /// <param name="endpoints">The route builder, usually the same group as <see cref="MapCartKit"/>.</param>
    /// <returns>The group holding the route, to attach the host's authorization.</returns>
    public static RouteGroupBuilder MapCartKitPayments(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(string.Empty);
        group.AddEndpointFilter<StoreUnavailableFilter>();
        group.WithRetryAfterHeader(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/orders/{orderId}/payment", OrderEndpoints.ConfirmPaymentAsync)
            .WithName(RouteNames.ConfirmOrderPayment)
            .WithSummary("Confirm an order's payment")
            .WithDescription("Marks a pending order paid and completes its cart, when amount and currency equal the order's total (otherwise 422, and the order stays unpaid). Idempotent for the same payment reference. A payment for an order that can no longer be fulfilled (superseded, expired, cancelled, or another order of the cart paid) is recorded on it as paymentConflict and answered 409, for a refund. Lines the cart gained after checkout move to a new active cart for the session.")
            .WithTags(OrdersTag)
            .AcceptsJson<ConfirmPaymentRequest>()
            .Produces<OrderResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    // Describes the JSON body for OpenAPI without listing content types in IAcceptsMetadata: listed types make routing
    // itself answer 415 before CartKit runs, with whatever body the host's middleware writes (often none). CartKit
    // checks the media type in the handler and answers its own 415 problem instead.
    private static RouteHandlerBuilder AcceptsJson<TRequest>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AcceptsMetadata([], typeof(TRequest)));

    // The edits without a body (remove a line, empty the cart): no 413, 415 or 422.
    private static RouteHandlerBuilder WithBodilessEditProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static RouteHandlerBuilder WithMutationProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
