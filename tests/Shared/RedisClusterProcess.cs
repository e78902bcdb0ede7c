using System.Diagnostics;
using System.Globalization;
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
        var binary = RedisServerProcess.FindBinary() ?? throw new InvalidOperationException(RedisServerProcess.InstallHint);
        var cluster = new RedisClusterProcess();
        try
        {
            for (var i = 0; i < masters; i++)
            {
                cluster._nodes.Add(cluster.StartNode(binary, RedisServerProcess.FreePort()));
            }

            foreach (var node in cluster._nodes)
            {
                await WaitAsync(() => RunCliAsync("-p", node.PortText, "PING"), reply => reply.Contains("PONG", StringComparison.Ordinal));
            }

            var create = new List<string> { "--cluster", "create" };
            create.AddRange(cluster._nodes.Select(n => n.Endpoint));
            create.AddRange(["--cluster-replicas", "0", "--cluster-yes"]);
            var created = await RunCliAsync([.. create]);
            if (!created.Contains("[OK] All 16384 slots covered", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("redis-cli --cluster create failed: " + created);
            }

            foreach (var node in cluster._nodes)
            {
                await WaitAsync(() => RunCliAsync("-p", node.PortText, "CLUSTER", "INFO"), reply => reply.Contains("cluster_state:ok", StringComparison.Ordinal));
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
        var node = _nodes.Single(n => n.Endpoint == endpoint);
        if (!node.Process.HasExited)
        {
            node.Process.Kill();
            node.Process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (!node.Process.HasExited)
            {
                node.Process.Kill();
                node.Process.WaitForExit();
            }

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

    private Node StartNode(string binary, int port)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, port.ToString(CultureInfo.InvariantCulture))).FullName;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
            "--appendonly", "no", "--dir", directory, "--daemonize", "no", "--logfile", string.Empty,
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Node(port, process);
    }

    private static async Task WaitAsync(Func<Task<string>> ask, Func<string, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        var last = string.Empty;
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            last = await ask();
            if (done(last))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The Redis Cluster did not get ready: " + last);
    }

    private static async Task<string> RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("redis-cli")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output + await error;
    }

    private sealed record Node(int Port, Process Process)
    {
        public string Endpoint => $"127.0.0.1:{Port}";

        public string PortText => Port.ToString(CultureInfo.InvariantCulture);
    }
}
