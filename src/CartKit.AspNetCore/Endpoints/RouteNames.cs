namespace CartKit.AspNetCore.Endpoints;

// Endpoint names: OpenAPI operation ids, and how Location headers are generated inside whatever group the host chose.
internal static class RouteNames
{
    public const string CreateCart = "CreateCart";
    public const string GetCart = "GetCart";
    public const string UpdateCartDetails = "UpdateCartDetails";
    public const string AddCartItem = "AddCartItem";
    public const string SetCartItemQuantity = "SetCartItemQuantity";
    public const string RemoveCartItem = "RemoveCartItem";
    public const string ClearCart = "ClearCart";
    public const string CheckoutCart = "CheckoutCart";
    public const string GetOrder = "GetOrder";
    public const string ConfirmOrderPayment = "ConfirmOrderPayment";
    public const string CancelOrder = "CancelOrder";
}
