using System.Text;
using CartKit.Sessions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CartKit.Redis.Connection;

// Every key CartKit touches is built here, and only from an id that passed its strict format check (base64url of a
// fixed length), so no caller input can address another key, a pattern or another hash slot. Prefixes are encoded
// to UTF-8 once; a key is then the prefix bytes plus the id, without concatenating a string per request.
//
//   sessions        SessionStoreOptions<T>.Prefix + sessionId     (cart sessions: "cartkit:s:" by default)
//   cart cache      {KeyPrefix}c:{cartId}
//   order cache     {KeyPrefix}o:{orderId}
//   checkout lock   {KeyPrefix}l:{cartId}
//
// Every command and script touches exactly one key, so none needs a hash tag to run on Redis Cluster.
internal sealed class RedisKeys
{
    private readonly RedisKey _cart;
    private readonly RedisKey _order;
    private readonly RedisKey _lock;

    public RedisKeys(IOptions<RedisCartKitOptions> options)
    {
        var prefix = options.Value.KeyPrefix;
        _cart = Prefix(prefix + "c:");
        _order = Prefix(prefix + "o:");
        _lock = Prefix(prefix + "l:");
    }

    public static RedisKey Prefix(string prefix) => Encoding.UTF8.GetBytes(prefix);

    public static bool TrySession(RedisKey prefix, string sessionId, out RedisKey key) =>
        TryBuild(prefix, sessionId, SessionIds.IsValid(sessionId), out key);

    public bool TryCart(string cartId, out RedisKey key) => TryBuild(_cart, cartId, CartKitIds.IsCartId(cartId), out key);

    public bool TryOrder(string orderId, out RedisKey key) => TryBuild(_order, orderId, CartKitIds.IsOrderId(orderId), out key);

    public bool TryCheckoutLock(string cartId, out RedisKey key) => TryBuild(_lock, cartId, CartKitIds.IsCartId(cartId), out key);

    private static bool TryBuild(RedisKey prefix, string id, bool valid, out RedisKey key)
    {
        key = valid ? ((RedisKey)id).Prepend(prefix) : default;
        return valid;
    }
}
