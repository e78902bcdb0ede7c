using CartKit.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Event handlers for <see cref="ICartKitBuilder"/>. Order stores record events with every status change; the event
/// relay (a hosted service every <c>AddCartKit()</c> host runs) delivers them to the handlers registered here, at
/// least once and in order per order. With none registered, events are marked delivered to nobody.
/// </summary>
public static class CartKitEventBuilderExtensions
{
    /// <summary>Adds an event subscriber, resolved from the container as a singleton. Adding the same type twice adds it once.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder AddEventSubscriber<THandler>(this ICartKitBuilder builder)
        where THandler : class, ICartKitEventSubscriber
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICartKitEventSubscriber, THandler>());
        return builder;
    }

    /// <summary>Adds the given event subscriber instance.</summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder AddEventSubscriber(this ICartKitBuilder builder, ICartKitEventSubscriber handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Services.AddSingleton(handler);
        return builder;
    }
}
