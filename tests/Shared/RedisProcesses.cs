using System.Diagnostics;
using System.Globalization;

namespace CartKit.TestSupport;

/// <summary>What the multi-node Redis fixtures (cluster, Sentinel) share: starting <c>redis-server</c> nodes, asking
/// them through <c>redis-cli</c>, and waiting for a state.</summary>
internal static class RedisProcesses
{
    /// <summary>Starts <c>redis-server</c> on a loopback port with no persistence and the extra arguments given.</summary>
    public static Process StartServer(int port, string directory, params string[] extra)
    {
        var binary = RedisServerProcess.FindBinary() ?? throw new InvalidOperationException(RedisServerProcess.InstallHint);
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in extra.Concat(
        [
            "--port", Text(port), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", directory,
            "--daemonize", "no", "--logfile", string.Empty,
        ]))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public static async Task<string> CliAsync(params string[] arguments)
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

    /// <summary>Asks until the answer satisfies <paramref name="done"/>, for at most <paramref name="within"/> (20 s).</summary>
    public static async Task WaitAsync(Func<Task<string>> ask, Func<string, bool> done, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var last = string.Empty;
        while (deadline.Elapsed < (within ?? TimeSpan.FromSeconds(20)))
        {
            last = await ask();
            if (done(last))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("Redis did not reach the expected state; last answer: " + last);
    }

    public static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
