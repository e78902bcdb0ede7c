using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// One HTTP/1.1 connection over a plain socket, for what HttpClient hides: whether the server keeps a connection
/// usable after a response, and whether it says so (<c>Connection: close</c>). HttpClient retries a request on a pooled
/// connection the server closed, so a broken keep-alive would not show through it.
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri server)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port).WaitAsync(TimeSpan.FromSeconds(10));
        return new RawHttpConnection(tcp);
    }

    /// <summary>Sends the head and body as given; a server that stops reading part way is not an error here.</summary>
    public async Task SendAsync(string head, ReadOnlyMemory<byte> body = default)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            await _stream.WriteAsync(body).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (IOException)
        {
            // The server answered and closed before taking the whole body: the response is still read below.
        }
    }

    /// <summary>Reads one response (status, headers, body); null when the server closed the connection instead.</summary>
    public async Task<RawHttpResponse?> ReadResponseAsync()
    {
        var statusLine = await ReadLineAsync();
        if (statusLine is null)
        {
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(); !string.IsNullOrEmpty(line); line = await ReadLineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var previous) ? previous + ", " + value : value;
        }

        var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var length))
        {
            await ReadExactlyAsync(body, int.Parse(length, CultureInfo.InvariantCulture));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var size = int.Parse((await ReadLineAsync())!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    await ReadLineAsync();
                    break;
                }

                await ReadExactlyAsync(body, size);
                await ReadLineAsync();
            }
        }

        return new RawHttpResponse(int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture), headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>Whether the server closed the connection (EOF or reset) within the timeout, with nothing more sent.</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        try
        {
            return await FillAsync().AsTask().WaitAsync(timeout) == 0;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task<string?> ReadLineAsync()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && await FillAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)) == 0)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            var c = (char)_buffer[_start++];
            if (c == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append(c);
        }
    }

    private async Task ReadExactlyAsync(Stream into, int count)
    {
        while (count > 0)
        {
            if (_start == _end && await FillAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)) == 0)
            {
                throw new IOException("The connection closed inside a response body.");
            }

            var take = Math.Min(count, _end - _start);
            into.Write(_buffer, _start, take);
            _start += take;
            count -= take;
        }
    }

    private async ValueTask<int> FillAsync()
    {
        if (_start < _end)
        {
            return _end - _start;
        }

        _start = 0;
        try
        {
            _end = await _stream.ReadAsync(_buffer);
        }
        catch (IOException)
        {
            _end = 0;
        }

        return _end;
    }
}

/// <summary>A response read off a <see cref="RawHttpConnection"/>.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool ClosesConnection => Headers.TryGetValue("Connection", out var value) && value.Contains("close", StringComparison.OrdinalIgnoreCase);
}
