namespace CartKit.SampleApi.Webhooks;

// Webhooks are on only when Sample:Webhooks:Url is set; then a secret is required, checked at start.
internal static class WebhookRegistration
{
    public static ICartKitBuilder AddSampleWebhooks(this ICartKitBuilder builder, IConfiguration configuration)
    {
        var url = configuration[$"{WebhookOptions.Section}:Url"];
        if (string.IsNullOrWhiteSpace(url))
        {
            return builder;
        }

        builder.Services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .Validate(o => Uri.TryCreate(o.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp), "Sample:Webhooks:Url must be an absolute http(s) URL.")
            .Validate(o => o.Secret.Length >= 16, "Sample:Webhooks:Secret must be at least 16 characters when Sample:Webhooks:Url is set.")
            .ValidateOnStart();
        builder.Services.AddHttpClient(WebhookSubscriber.ClientName);
        return builder.AddEventSubscriber<WebhookSubscriber>();
    }
}
