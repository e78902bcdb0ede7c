using Microsoft.Extensions.DependencyInjection;

namespace CartKit.DependencyInjection;

internal sealed class CartKitBuilder(IServiceCollection services) : ICartKitBuilder
{
    public IServiceCollection Services { get; } = services;
}
