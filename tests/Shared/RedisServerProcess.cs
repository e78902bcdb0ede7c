using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CartKit.TestSupport;

/// <summary>
/// A private <c>redis-server</c> this test process starts on a free loopback port and can stop (killing the process,
/// as a crash would) and start again on the same port: empty, or from the snapshot <see cref="SaveAsync"/> wrote.
/// </summary>
internal sealed class RedisServerProcess : IAsyncDisposable
{
    public const string InstallHint =
        "Redis tests need a real redis-server: set CARTKIT_TEST_REDIS=host:port (.ci/run does) or install one (apt-get install -y redis-server).";

    private readonly string _directory;
    private Process? _process;

    private RedisServerProcess(int port)
    {
        Port = port;
        _directory = Directory.CreateTempSubdirectory("cartkit-redis-").FullName;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server on a free port; throws, with how to install one, when there is no redis-server binary.</summary>
    public static async Task<RedisServerProcess> StartAsync()
    {
        var server = new RedisServerProcess(FreePort());
        await server.StartAsync(fromSnapshot: false);
        return server;
    }

    public static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the server process (no shutdown, no save), as a crash or a lost node would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same port; empty unless <paramref name="fromSnapshot"/>.</summary>
    public Task RestartAsync(bool fromSnapshot = false)
    {
        Kill();
        return StartAsync(fromSnapshot);
    }

    /// <summary>Writes a snapshot (SAVE) that a restart with <c>fromSnapshot: true</c> loads.</summary>
    public Task SaveAsync() => SendAsync("SAVE\r\n", "+OK");

    /// <summary>
    /// Makes this server a replica of <paramref name="primary"/> (REPLICAOF), as a failed primary rejoins after a
    /// failover: it refuses writes from then on. <see langword="null"/> makes it a primary again.
    /// </summary>
    public Task ReplicaOfAsync(RedisServerProcess? primary) =>
        SendAsync(primary is null ? "REPLICAOF NO ONE\r\n" : $"REPLICAOF 127.0.0.1 {primary.Port}\r\n", "+OK");

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(bool fromSnapshot)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(InstallHint);
        var snapshot = Path.Combine(_directory, "dump.rdb");
        if (!fromSnapshot && File.Exists(snapshot))
        {
            File.Delete(snapshot);
        }

        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", string.Empty, "--appendonly", "no", "--dir", _directory, "--dbfilename", "dump.rdb",
            "--daemonize", "no", "--logfile", string.Empty,
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await SendAsync("PING\r\n", "+PONG");
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or InvalidOperationException && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} on port {Port}.");
                }

                await Task.Delay(50);
            }
        }
    }

    private async Task SendAsync(string command, string expected)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        if (!reply.StartsWith(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"redis-server answered '{reply.Trim()}' to {command.Trim()}.");
        }
    }
}
