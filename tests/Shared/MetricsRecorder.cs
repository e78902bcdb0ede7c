using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CartKit.TestSupport;

/// <summary>
/// An <see cref="IMeterFactory"/> for one container plus a listener that records only that container's measurements,
/// so tests running in parallel (each with its own container) never see each other's counts.
/// </summary>
internal sealed class MetricsRecorder : IMeterFactory
{
    private readonly ConcurrentBag<Meter> _meters = [];
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _doubles = new();
    private readonly MeterListener _listener = new();

    public MetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _doubles.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
            _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    /// <summary>Takes one reading of every observable instrument (gauges), recorded like any measurement.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The sum of an instrument's measurements whose tags include every given tag.</summary>
    public long Sum(string instrument, params (string Key, string Value)[] tags) =>
        _measurements
            .Where(m => m.Instrument == instrument)
            .Where(m => tags.All(t => m.Tags.Any(mt => mt.Key == t.Key && Equals(mt.Value, t.Value))))
            .Sum(m => m.Value);

    /// <summary>The values a histogram recorded whose tags include every given tag.</summary>
    public IReadOnlyList<double> Recorded(string instrument, params (string Key, string Value)[] tags) =>
        [.. _doubles
            .Where(m => m.Instrument == instrument)
            .Where(m => tags.All(t => m.Tags.Any(mt => mt.Key == t.Key && Equals(mt.Value, t.Value))))
            .Select(m => m.Value)];

    /// <summary>Every tag key and value recorded, to check that no id ever becomes a tag.</summary>
    public IEnumerable<KeyValuePair<string, object?>> AllTags() => _measurements.SelectMany(m => m.Tags).Concat(_doubles.SelectMany(m => m.Tags));

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
