using CartKit.MongoDB.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.MongoDB.Indexes;

// Creates CartKit's indexes when the host starts, before it serves requests. A failure stops the start: without the
// unique indexes the store rules (one active cart per user, one order per cart version, one paid order per cart)
// would not hold, and serving anyway would let duplicates in that are hard to undo.
internal sealed class MongoIndexHostedService(
    ICartKitMongoIndexes indexes,
    IOptions<MongoStorageOptions> options,
    ILogger<MongoIndexHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateIndexesOnStartup)
        {
            return;
        }

        await indexes.CreateAsync(cancellationToken).ConfigureAwait(false);
        Log.MongoIndexesEnsured(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
