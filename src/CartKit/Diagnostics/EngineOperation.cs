namespace CartKit.Diagnostics;

// An engine operation as telemetry names it: the metric tag value and the span name, both fixed strings.
internal sealed class EngineOperation
{
    private EngineOperation(string name)
    {
        Name = name;
        SpanName = "cartkit." + name;
    }

    public string Name { get; }

    public string SpanName { get; }

    public static EngineOperation CreateSession { get; } = new("cart.create_session");

    public static EngineOperation GetCart { get; } = new("cart.get");

    public static EngineOperation AddItem { get; } = new("cart.add_item");

    public static EngineOperation SetQuantity { get; } = new("cart.set_quantity");

    public static EngineOperation RemoveItem { get; } = new("cart.remove_item");

    public static EngineOperation Clear { get; } = new("cart.clear");

    public static EngineOperation AttachUser { get; } = new("cart.attach_user");

    public static EngineOperation SetCheckoutDetails { get; } = new("cart.set_checkout_details");

    public static EngineOperation Checkout { get; } = new("checkout");

    public static EngineOperation GetOrder { get; } = new("order.get");

    public static EngineOperation ConfirmPayment { get; } = new("order.confirm_payment");

    public static EngineOperation CancelOrder { get; } = new("order.cancel");
}
