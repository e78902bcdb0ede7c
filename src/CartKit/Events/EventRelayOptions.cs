namespace CartKit.Events;

/// <summary>
/// Options of the event relay, the hosted service that delivers recorded events to every
/// <see cref="ICartKitEventSubscriber"/>: <c>AddCartKit(o =&gt; o.Events.PollInterval = ...)</c>, or the
/// <c>CartKit:Events</c> configuration section.
/// </summary>
public sealed class EventRelayOptions
{
    /// <summary>Gets or sets how often the relay looks for due events when the last look found fewer than a batch.</summary>
    /// <value>250 milliseconds. Between 10 milliseconds and 1 minute.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets how many orders with due events one look claims.</summary>
    /// <value>32. Between 1 and 1,000.</value>
    public int BatchSize { get; set; } = 32;

    /// <summary>Gets or sets how many orders of a batch are delivered at once (events of one order are always sequential).</summary>
    /// <value>8. Between 1 and 64.</value>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Gets or sets how long a claim on an order's events lasts. Another instance may take the order over once it has
    /// passed (a dead instance's claim lapses); keep it longer than handlers take.
    /// </summary>
    /// <value>30 seconds. Between 1 second and 10 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many times an event is offered before it is dead-lettered.</summary>
    /// <value>10. Between 1 and 100.</value>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Gets or sets the wait after the first failure; it doubles with each further failure of the same event.</summary>
    /// <value>1 second. Between 10 milliseconds and 1 hour.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two attempts.</summary>
    /// <value>5 minutes. Between <see cref="RetryDelay"/> and 1 day.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
