namespace BrandAutomator.TestSupport;

/// <summary>
/// Networks as they are at a peak (bench/publish --peak): every answer after a seeded random latency, a share of
/// requests refused with a 503, and a share whose answer never comes back (held past the client's time-out, as a lost
/// answer is), though the network acted on them. Token refreshes and the fakes' own endpoints are spared.
/// </summary>
public sealed class FakeChaos(int seed, TimeSpan minLatency, TimeSpan maxLatency, double errorRate, double lostRate, TimeSpan lostHold)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public static FakeChaos Parse(string spec, int seed)
    {
        // "50-500ms,1%,0.5%,60s": latency range, share of 503s, share of lost answers, how long a lost answer is held.
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        var range = parts[0].Replace("ms", "", StringComparison.Ordinal).Split('-');
        static double Percent(string s) => double.Parse(s.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100;
        return new FakeChaos(
            seed,
            TimeSpan.FromMilliseconds(double.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(double.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture)),
            Percent(parts[1]), Percent(parts[2]),
            TimeSpan.FromSeconds(double.Parse(parts[3].TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>What happens to one request: refused with a 503 or not, and the wait before its answer (a lost one's is the hold).</summary>
    public (bool Refuse, TimeSpan Latency) Draw()
    {
        double fate, latency;
        lock (_gate)
        {
            fate = _random.NextDouble();
            latency = _random.NextDouble();
        }

        var wait = minLatency + ((maxLatency - minLatency) * latency);
        return fate < errorRate ? (true, wait)
            : fate < errorRate + lostRate ? (false, lostHold)
            : (false, wait);
    }
}
