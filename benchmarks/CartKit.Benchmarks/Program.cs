using BenchmarkDotNet.Running;
using CartKit.Benchmarks.Charts;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Benchmarks.Memory;
using CartKit.Benchmarks.Scale;

// benchmarks/run.sh drives these; each also runs on its own:
//   dotnet run -c Release --project benchmarks/CartKit.Benchmarks -- --filter '*'        BenchmarkDotNet (a redis-server is started)
//   dotnet run -c Release --project benchmarks/CartKit.Benchmarks -- scale [out.json]    Redis bytes per cart and per session
//   dotnet run -c Release --project benchmarks/CartKit.Benchmarks -- chart [results] [out.svg]   the hit-versus-miss chart
//   dotnet run -c Release --project benchmarks/CartKit.Benchmarks -- reuse-memory [out.json]    ReuseTables' worst-case memory
switch (args)
{
    case ["scale", .. var rest]:
        using (BenchRedis.EnsureServer())
        {
            await ScaleCommand.RunAsync(rest is [var output, ..] ? output : null);
        }

        return 0;
    case ["reuse-memory", .. var rest]:
        await ReuseMemoryCommand.RunAsync(rest is [var memoryOutput, ..] ? memoryOutput : null);
        return 0;
    case ["chart", .. var rest]:
        return HitMissChart.Run(
            rest.Length > 0 ? rest[0] : Path.Combine("benchmarks", "results"),
            rest.Length > 1 ? rest[1] : Path.Combine("docs", "images", "cache-hit-vs-miss.svg"));
    default:
        using (BenchRedis.EnsureServer())
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }

        return 0;
}
