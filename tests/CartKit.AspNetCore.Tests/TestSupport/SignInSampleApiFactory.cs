using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// The sample with the JWT bearer settings <c>dotnet user-jwts</c> wrote in a sandbox (<see cref="UserJwts"/>), and
/// tokens that tool makes: requests sign in with a real signed token, through the sample's own authentication.
/// </summary>
public sealed class SignInSampleApiFactory : SampleApiFactory, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string?> _bearer = new Dictionary<string, string?>();

    public UserJwts Jwts { get; } = UserJwts.CreateSandbox();

    protected override IReadOnlyDictionary<string, string?> Settings => _bearer;

    /// <summary>A token for the user, made once per user by <c>dotnet user-jwts create</c>.</summary>
    public Task<string> TokenAsync(string user) =>
        _tokens.GetOrAdd(user, name => new Lazy<Task<string>>(() => Jwts.CreateTokenAsync(name))).Value;

    public const string ProbeHeader = "X-Test-Probe";

    /// <summary>
    /// For each request carrying <see cref="ProbeHeader"/>, whether a principal was set on it once the whole pipeline
    /// ran (the sample's authentication included): none for a guest, so reading the caller allocates nothing.
    /// </summary>
    public ConcurrentDictionary<string, bool> PrincipalSet { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ProbeStartupFilter(PrincipalSet)));
    }

    public async Task InitializeAsync()
    {
        // The first token creates the signing key; the host reads the settings when it starts, after this.
        await TokenAsync("alice");
        _bearer = Jwts.BearerSettings();
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Directory.Delete(Jwts.Root, recursive: true);
        return Task.CompletedTask;
    }

    private sealed class ProbeStartupFilter(ConcurrentDictionary<string, bool> principalSet) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                await nextMiddleware(context);
                if (context.Request.Headers[ProbeHeader] is [{ Length: > 0 } probe])
                {
                    principalSet[probe] = context.Features.Get<IHttpAuthenticationFeature>()?.User is not null;
                }
            });
            next(app);
        };
    }
}
