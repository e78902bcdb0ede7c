using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace CartKit.Benchmarks.Infrastructure;

/// <summary>
/// The Redis every benchmark uses: <c>CARTKIT_BENCH_REDIS</c> (host:port), or a private redis-server the benchmark
/// host starts on a free loopback port and hands to BenchmarkDotNet's child processes through that same variable.
/// </summary>
internal static class BenchRedis
{
    public const string Variable = "CARTKIT_BENCH_REDIS";

    public static string Endpoint =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException($"{Variable} is not set: run the benchmarks through Program (it starts a redis-server) or set it to host:port.");

    /// <summary>Starts a redis-server unless one is configured; disposing the result stops it.</summary>
    public static IDisposable? EnsureServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 })
        {
            return null;
        }

        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("cartkit-bench-redis-").FullName;
        var process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", directory },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (apt-get install -y redis-server).");
        process.OutputDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();

        var endpoint = $"127.0.0.1:{port}";
        WaitUntilReady(endpoint);
        Environment.SetEnvironmentVariable(Variable, endpoint);
        return new OwnServer(process, directory);
    }

    public static ConnectionMultiplexer Connect(bool allowAdmin = false)
    {
        var options = CartKit.Redis.Connection.RedisConnection.CreateConfiguration(Endpoint, TimeSpan.FromSeconds(5));
        options.AllowAdmin = allowAdmin;
        return ConnectionMultiplexer.Connect(options);
    }

    private static void WaitUntilReady(string endpoint)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var connection = ConnectionMultiplexer.Connect(endpoint + ",connectTimeout=500");
                connection.GetDatabase().Ping();
                return;
            }
            catch (RedisConnectionException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class OwnServer(Process process, string directory) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
