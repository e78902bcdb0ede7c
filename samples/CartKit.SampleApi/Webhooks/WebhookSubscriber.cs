using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartKit.Events;
using Microsoft.Extensions.Options;

namespace CartKit.SampleApi.Webhooks;

// Posts each CartKit event to Sample:Webhooks:Url, signed with HMAC-SHA256 of the exact body bytes sent. A non-2xx
// answer (or a timeout) throws, so CartKit's relay retries the same event, same id, with backoff; the receiver
// deduplicates on X-CartKit-Event-Id.
internal sealed class WebhookSubscriber(IHttpClientFactory clients, IOptions<WebhookOptions> options) : ICartKitEventSubscriber
{
    public const string ClientName = "CartKit.Webhooks";
    public const string SignatureHeader = "X-CartKit-Signature";
    public const string EventIdHeader = "X-CartKit-Event-Id";

    public async ValueTask HandleAsync(CartKitEvent cartKitEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cartKitEvent);
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(ToPayload(cartKitEvent), WebhookJsonContext.Default.WebhookPayload);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(EventIdHeader, cartKitEvent.Id);
        request.Headers.Add(SignatureHeader, Sign(body, settings.Secret));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook receiver answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static WebhookPayload ToPayload(CartKitEvent e) => new(
        e.Id,
        CartKitEventNames.Of(e.Type),
        e.OccurredAt,
        e.OrderId,
        e.CartId,
        e.CartVersion,
        e.Sequence,
        e.Currency.Code,
        e.Subtotal.Amount,
        e.Total.Amount,
        e.Email,
        e.PaymentReference,
        [.. e.Lines.Select(l => new WebhookLine(l.Sku, l.Name, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount))]);
}
