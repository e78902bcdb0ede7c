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
    /// Maps the cart and order routes: <c>POST /cart</c>, <c>GET /cart/{sessionId}</c>, the item routes (add, change,
    /// remove one line, <c>DELETE /cart/{sessionId}/items</c> to empty the cart), <c>POST /cart/{sessionId}/checkout</c>
    /// and <c>GET /orders/{orderId}</c>. Payment confirmation is mapped
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
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithETagHeader(StatusCodes.Status200OK);

        group.MapDelete("/cart/{sessionId}/items", CartEndpoints.ClearAsync)
            .WithName(RouteNames.ClearCart)
            .WithSummary("Empty the cart")
            .WithDescription("Removes every line; the cart stays the session's, active and editable. Clearing an empty cart changes nothing and keeps its version.")
            .WithTags(CartTag)
            .Produces<CartResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithETagHeader(StatusCodes.Status200OK);

        group.MapPost("/cart/{sessionId}/checkout", OrderEndpoints.CheckoutAsync)
            .WithName(RouteNames.CheckoutCart)
            .WithSummary("Check out the cart")
            .WithDescription("Snapshots the cart into a pending order, priced from the catalog now. 201 for a new order; 200 for the existing order of an unchanged cart, or the first result of a repeated Idempotency-Key. The cart stays editable until payment is confirmed.")
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
            .WithTags(OrdersTag)
            .Produces<OrderResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
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
            .WithDescription("Marks a pending order paid and completes its cart. Idempotent for the same payment reference; a superseded order cannot be paid.")
            .WithTags(OrdersTag)
            .AcceptsJson<ConfirmPaymentRequest>()
            .Produces<OrderResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return group;
    }

    // Describes the JSON body for OpenAPI without listing content types in IAcceptsMetadata: listed types make routing
    // itself answer 415 before CartKit runs, with whatever body the host's middleware writes (often none). CartKit
    // checks the media type in the handler and answers its own 415 problem instead.
    private static RouteHandlerBuilder AcceptsJson<TRequest>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new AcceptsMetadata([], typeof(TRequest)));

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
