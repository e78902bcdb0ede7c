using System.Diagnostics;
using StackExchange.Redis;

namespace CartKit.TestSupport;

/// <summary>
/// A real Sentinel setup on loopback: a primary, a replica of it and one Sentinel (quorum 1) watching them under the
/// service name <see cref="ServiceName"/>, quick to fail over (down after 1 s). Clients connect through the Sentinel
/// with <see cref="Configuration"/>, the <c>host:port,serviceName=...</c> form a host's connection string takes.
/// </summary>
internal sealed class RedisSentinelProcess : IAsyncDisposable
{
    public const string ServiceName = "cartkit";

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("cartkit-sentinel-").FullName;
    private readonly Dictionary<int, Process> _servers = [];
    private Process? _sentinel;
    private int _sentinelPort;

    private RedisSentinelProcess()
    {
    }

    public string Configuration => $"127.0.0.1:{_sentinelPort},serviceName={ServiceName}";

    public static async Task<RedisSentinelProcess> StartAsync()
    {
        var setup = new RedisSentinelProcess();
        try
        {
            var primary = RedisServerProcess.FreePort();
            var replica = RedisServerProcess.FreePort();
            setup._servers[primary] = RedisProcesses.StartServer(primary, setup.Directory(primary));
            setup._servers[replica] = RedisProcesses.StartServer(replica, setup.Directory(replica), "--replicaof", "127.0.0.1", RedisProcesses.Text(primary));
            await RedisProcesses.WaitAsync(
                () => RedisProcesses.CliAsync("-p", RedisProcesses.Text(replica), "INFO", "replication"),
                reply => reply.Contains("master_link_status:up", StringComparison.Ordinal));

            setup._sentinelPort = RedisServerProcess.FreePort();
            var config = Path.Combine(setup._directory, "sentinel.conf");
            await File.WriteAllTextAsync(config, $"""
                port {setup._sentinelPort}
                bind 127.0.0.1
                sentinel monitor {ServiceName} 127.0.0.1 {primary} 1
                sentinel down-after-milliseconds {ServiceName} 1000
                sentinel failover-timeout {ServiceName} 10000
                sentinel parallel-syncs {ServiceName} 1
                """);
            var binary = RedisServerProcess.FindBinary() ?? throw new InvalidOperationException(RedisServerProcess.InstallHint);
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(config);
            start.ArgumentList.Add("--sentinel");
            setup._sentinel = Process.Start(start) ?? throw new InvalidOperationException("redis-server --sentinel did not start.");
            setup._sentinel.OutputDataReceived += static (_, _) => { };
            setup._sentinel.ErrorDataReceived += static (_, _) => { };
            setup._sentinel.BeginOutputReadLine();
            setup._sentinel.BeginErrorReadLine();
            await RedisProcesses.WaitAsync(
                () => RedisProcesses.CliAsync("-p", RedisProcesses.Text(setup._sentinelPort), "SENTINEL", "replicas", ServiceName),
                reply => reply.Contains(RedisProcesses.Text(replica), StringComparison.Ordinal));
            return setup;
        }
        catch
        {
            await setup.DisposeAsync();
            throw;
        }
    }

    /// <summary>The port of the server the Sentinel names as primary now.</summary>
    public async Task<int> PrimaryPortAsync()
    {
        var reply = await RedisProcesses.CliAsync("-p", RedisProcesses.Text(_sentinelPort), "SENTINEL", "get-master-addr-by-name", ServiceName);
        return int.Parse(reply.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Kills the server on that port (no shutdown), as a crashed primary would be.</summary>
    public void Kill(int port) => RedisProcesses.Kill(_servers[port]);

    /// <summary>Stops the server on that port with SIGSTOP: it keeps its connections and answers nothing, as a stalled host would.</summary>
    public async Task PauseAsync(int port)
    {
        using var signal = Process.Start("kill", ["-STOP", _servers[port].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await signal.WaitForExitAsync();
    }

    public Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync(CartKit.Redis.Connection.RedisConnection.CreateConfiguration(Configuration, TimeSpan.FromSeconds(5)));

    public ValueTask DisposeAsync()
    {
        foreach (var process in _servers.Values.Append(_sentinel).OfType<Process>())
        {
            RedisProcesses.Kill(process);
            process.Dispose();
        }

        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private string Directory(int port) => System.IO.Directory.CreateDirectory(Path.Combine(_directory, RedisProcesses.Text(port))).FullName;
}
