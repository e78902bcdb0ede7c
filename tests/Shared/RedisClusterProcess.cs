using System.Diagnostics;
using StackExchange.Redis;

namespace CartKit.TestSupport;

/// <summary>
/// A real Redis Cluster on loopback: <c>redis-server --cluster-enabled yes</c> nodes this test process starts on free
/// ports, joined by <c>redis-cli --cluster create</c> (masters only, each owning a third of the slots, so a killed
/// master takes its slots down with it). Used by the tests that run CartKit's Redis suites on a cluster.
/// </summary>
internal sealed class RedisClusterProcess : IAsyncDisposable
{
    private readonly List<Node> _nodes = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("cartkit-cluster-").FullName;

    private RedisClusterProcess()
    {
    }

    /// <summary>Gets the nodes' endpoints, as a StackExchange.Redis configuration lists them.</summary>
    public string Configuration => string.Join(',', _nodes.Select(n => n.Endpoint));

    public IReadOnlyList<string> Endpoints => _nodes.Select(n => n.Endpoint).ToArray();

    public static async Task<RedisClusterProcess> StartAsync(int masters = 3)
    {
        var cluster = new RedisClusterProcess();
        try
        {
            for (var i = 0; i < masters; i++)
            {
                cluster._nodes.Add(cluster.StartNode(RedisServerProcess.FreePort()));
            }

            foreach (var node in cluster._nodes)
            {
                await RedisProcesses.WaitAsync(() => RedisProcesses.CliAsync("-p", node.PortText, "PING"), reply => reply.Contains("PONG", StringComparison.Ordinal));
            }

            var create = new List<string> { "--cluster", "create" };
            create.AddRange(cluster._nodes.Select(n => n.Endpoint));
            create.AddRange(["--cluster-replicas", "0", "--cluster-yes"]);
            var created = await RedisProcesses.CliAsync([.. create]);
            if (!created.Contains("[OK] All 16384 slots covered", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("redis-cli --cluster create failed: " + created);
            }

            foreach (var node in cluster._nodes)
            {
                await RedisProcesses.WaitAsync(() => RedisProcesses.CliAsync("-p", node.PortText, "CLUSTER", "INFO"), reply => reply.Contains("cluster_state:ok", StringComparison.Ordinal));
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connects a client that knows every node, as a host's connection string would list them.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync(CartKit.Redis.Connection.RedisConnection.CreateConfiguration(Configuration, TimeSpan.FromSeconds(5)));

    /// <summary>Kills one node (no shutdown), as a crashed shard would be.</summary>
    public void Kill(string endpoint)
    {
        RedisProcesses.Kill(_nodes.Single(n => n.Endpoint == endpoint).Process);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            RedisProcesses.Kill(node.Process);
            node.Process.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private Node StartNode(int port)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, RedisProcesses.Text(port))).FullName;
        return new Node(port, RedisProcesses.StartServer(
            port,
            directory,
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"));
    }

    private sealed record Node(int Port, Process Process)
    {
        public string Endpoint => $"127.0.0.1:{Port}";

        public string PortText => RedisProcesses.Text(Port);
    }
}
