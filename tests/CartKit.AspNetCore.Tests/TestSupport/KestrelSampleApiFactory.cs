namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// The sample on a real Kestrel server on a free loopback port, for what the in-memory test server does not have:
/// connections, keep-alive and Kestrel's own limits (the body size cap). <c>CreateClient()</c> talks to that server.
/// </summary>
public class KestrelSampleApiFactory : SampleApiFactory
{
    private readonly Lazy<Uri> _address;

    public KestrelSampleApiFactory()
    {
        UseKestrel(0);
        _address = new Lazy<Uri>(() =>
        {
            StartServer();
            using var client = CreateClient();
            return client.BaseAddress!;
        });
    }

    /// <summary>The server's address, starting it on first use.</summary>
    public Uri Address => _address.Value;
}
