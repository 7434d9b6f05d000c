// An open-loop HTTP load generator: request i is due at t0 + i/rate and is sent then, whether or not the earlier ones
// have been answered, and its latency runs from that due time (not from when it was sent) to its last body byte. A
// stalled server therefore shows in the latencies instead of slowing the generator down (no coordinated omission, as
// wrk2 does). Prints one JSON object on stdout. Plain HTTP/1.1 only (Http1Connection.cs says why not HttpClient).
//
//   LoadGen --url <absolute url> --rate <req/s> --seconds <s> [--header "Name: value"]... [--max-in-flight N]
//           [--timeout <s>] [--warmup <s>]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BrandAutomator.LoadGen;

if (Options.Parse(args) is not { } options)
{
    Console.Error.WriteLine(
        "usage: LoadGen --url <absolute url> --rate <req/s> --seconds <s> [--header \"Name: value\"]... " +
        "[--max-in-flight N (default max(50, 2*rate))] [--timeout <s> (default 30)] [--warmup <s> (default 0)]");
    return 2;
}

// Socket completions run their continuations (reading the next piece of a body, recording the answer) on the socket
// engine's own thread instead of waking a thread-pool worker for each: measured on the 188 KB calendar at 100 req/s
// (with HttpClient then), 0.44 instead of 0.80 ms of CPU per request. Read once, when the first socket is made.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

var client = new Http1Client(options);
if (options.WarmupSeconds > 0)
{
    new Phase(client, options, options.WarmupSeconds).Run();
}

var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var phase = new Phase(client, options, options.Seconds);
phase.Run();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

Console.WriteLine(JsonSerializer.Serialize(phase.Summary(cpu)));
return 0;

namespace BrandAutomator.LoadGen
{
    internal sealed record Options(
        Uri Url, double Rate, double Seconds, IReadOnlyList<(string Name, string Value)> Headers,
        int MaxInFlight, TimeSpan Timeout, double WarmupSeconds)
    {
        public static Options? Parse(string[] args)
        {
            Uri? url = null;
            double rate = 0, seconds = 0, timeout = 30, warmup = 0;
            int? maxInFlight = null;
            var headers = new List<(string, string)>();
            for (var i = 0; i < args.Length; i += 2)
            {
                if (i + 1 >= args.Length)
                {
                    return Fail($"{args[i]} needs a value");
                }

                var value = args[i + 1];
                var ok = args[i] switch
                {
                    "--url" => Uri.TryCreate(value, UriKind.Absolute, out url) && url.Scheme == "http",
                    "--rate" => double.TryParse(value, out rate) && rate > 0,
                    "--seconds" => double.TryParse(value, out seconds) && seconds > 0,
                    "--timeout" => double.TryParse(value, out timeout) && timeout > 0,
                    "--warmup" => double.TryParse(value, out warmup) && warmup >= 0,
                    "--max-in-flight" => int.TryParse(value, out var n) && (maxInFlight = n) > 0,
                    "--header" => AddHeader(headers, value),
                    _ => false,
                };
                if (!ok)
                {
                    return Fail($"bad argument: {args[i]} {value}");
                }
            }

            if (url is null || rate == 0 || seconds == 0)
            {
                return Fail("--url, --rate and --seconds are required");
            }

            return new Options(url, rate, seconds, headers, maxInFlight ?? (int)Math.Max(50, 2 * rate),
                TimeSpan.FromSeconds(timeout), warmup);
        }

        private static bool AddHeader(List<(string, string)> headers, string header)
        {
            var colon = header.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
            return true;
        }

        private static Options? Fail(string message)
        {
            Console.Error.WriteLine(message);
            return null;
        }
    }

    /// <summary>GETs of the url with the headers, each on an idle kept-alive connection or on a new one.</summary>
    internal sealed class Http1Client(Options options)
    {
        private readonly EndPoint server = new DnsEndPoint(options.Url.Host, options.Url.Port);
        private readonly ConcurrentStack<Http1Connection> idle = new();
        private readonly byte[] request = Encoding.Latin1.GetBytes(
            $"GET {options.Url.PathAndQuery} HTTP/1.1\r\nHost: {options.Url.Authority}\r\n" +
            string.Concat(options.Headers.Select(header => $"{header.Name}: {header.Value}\r\n")) + "\r\n");

        public async Task<(int Status, long BodyBytes)> GetAsync(CancellationToken cancellationToken)
        {
            if (idle.TryPop(out var reused))
            {
                try
                {
                    return await ExchangeAsync(reused, cancellationToken);
                }
                catch (Exception error) when (error is IOException or SocketException && !reused.Answered)
                {
                    // The server closed this connection while it was idle (its keep-alive timeout), before reading the
                    // request: nothing was processed, so it goes again on a new connection, as browsers do.
                }
            }

            return await ExchangeAsync(await Http1Connection.OpenAsync(server, cancellationToken), cancellationToken);
        }

        private async Task<(int, long)> ExchangeAsync(Http1Connection connection, CancellationToken cancellationToken)
        {
            try
            {
                var (status, bodyBytes, keepAlive) = await connection.ExchangeAsync(request, cancellationToken);
                if (keepAlive)
                {
                    idle.Push(connection);
                }
                else
                {
                    connection.Dispose();
                }

                return (status, bodyBytes);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <summary>One run at the fixed rate: sends on a dedicated thread, records each request's outcome in its slot.
    /// </summary>
    internal sealed class Phase
    {
        private const int ErrorsToPrint = 5;
        private readonly Http1Client client;
        private readonly Options options;
        private readonly double seconds;
        private readonly int total;
        private readonly long[] latency; // Stopwatch ticks from the due time to the last body byte or the failure
        private readonly long[] lateness; // Stopwatch ticks from the due time to the send
        private readonly int[] status; // 0: no answer
        private readonly Task[] requests;
        private int sent;
        private int finished;
        private int errorsPrinted;
        private long bodyBytes;
        private double? stoppedAfterSeconds;

        public Phase(Http1Client client, Options options, double seconds)
        {
            (this.client, this.options, this.seconds) = (client, options, seconds);
            total = (int)Math.Round(options.Rate * seconds);
            (latency, lateness, status, requests) = (new long[total], new long[total], new int[total], new Task[total]);
        }

        public void Run()
        {
            // A thread of its own, so that sends never wait behind the work of reading answers.
            var scheduler = new Thread(Schedule) { Name = "scheduler" };
            scheduler.Start();
            scheduler.Join();
            Task.WaitAll(requests.AsSpan(0, sent));
        }

        private void Schedule()
        {
            var ticksPerRequest = Stopwatch.Frequency / options.Rate;
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var due = t0 + (long)(i * ticksPerRequest);
                SleepUntil(due);
                if (sent - Volatile.Read(ref finished) > options.MaxInFlight)
                {
                    // The server cannot keep up: its queue only grows from here, which is the finding.
                    stoppedAfterSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                    return;
                }

                lateness[i] = Stopwatch.GetTimestamp() - due;
                // Runs synchronously up to the first wait for the server (the request is written by then).
                requests[i] = SendAsync(i, due);
                sent = i + 1;
            }
        }

        private async Task SendAsync(int i, long due)
        {
            using var deadline = new CancellationTokenSource(options.Timeout);
            try
            {
                var (answer, bodyLength) = await client.GetAsync(deadline.Token);
                latency[i] = Stopwatch.GetTimestamp() - due;
                status[i] = answer;
                Interlocked.Add(ref bodyBytes, bodyLength);
            }
            catch (Exception error)
            {
                latency[i] = Stopwatch.GetTimestamp() - due;
                status[i] = 0;
                if (Interlocked.Increment(ref errorsPrinted) <= ErrorsToPrint)
                {
                    Console.Error.WriteLine($"request {i}: {error.GetType().Name}: {error.Message}");
                }
            }
            finally
            {
                Interlocked.Increment(ref finished);
            }
        }

        public object Summary(TimeSpan cpu)
        {
            var latencies = latency.AsSpan(0, sent).ToArray();
            Array.Sort(latencies);
            var lates = lateness.AsSpan(0, sent).ToArray();
            Array.Sort(lates);
            var byStatus = status.AsSpan(0, sent).ToArray().GroupBy(s => s).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key.ToString(), g => g.Count());
            var errors = byStatus.GetValueOrDefault("0");
            return new
            {
                rate = options.Rate,
                seconds,
                sent,
                completed = sent - errors,
                byStatus,
                errors,
                stoppedAfterSeconds = stoppedAfterSeconds is { } s ? Math.Round(s, 3) : (double?)null,
                p50Ms = Percentile(latencies, 50),
                p90Ms = Percentile(latencies, 90),
                p99Ms = Percentile(latencies, 99),
                p999Ms = Percentile(latencies, 99.9),
                maxMs = Percentile(latencies, 100),
                meanBodyBytes = sent > errors ? bodyBytes / (sent - errors) : 0,
                // How late the scheduler sent: a generator that cannot keep its own rate is the finding then.
                sendLateP99Ms = Percentile(lates, 99),
                sendLateMaxMs = Percentile(lates, 100),
                cpuMsPerRequest = sent > 0 ? Math.Round(cpu.TotalMilliseconds / sent, 4) : 0,
            };
        }

        /// <summary>Nearest rank, in milliseconds; null when nothing was sent.</summary>
        private static double? Percentile(long[] sortedTicks, double p)
        {
            if (sortedTicks.Length == 0)
            {
                return null;
            }

            var rank = Math.Clamp((int)Math.Ceiling(p / 100 * sortedTicks.Length), 1, sortedTicks.Length);
            return Math.Round(sortedTicks[rank - 1] * 1000.0 / Stopwatch.Frequency, 3);
        }

        private static void SleepUntil(long due)
        {
            // Linux's nanosleep wakes within tens of microseconds of the deadline without spinning a core that the
            // server needs (Thread.Sleep only takes whole milliseconds); elsewhere, whole milliseconds then yields.
            while (Stopwatch.GetTimestamp() - due is var behind && behind < 0)
            {
                var nanoseconds = (long)(-behind * (1e9 / Stopwatch.Frequency));
                if (OperatingSystem.IsLinux())
                {
                    var request = new Timespec(nanoseconds / 1_000_000_000, nanoseconds % 1_000_000_000);
                    _ = Nanosleep(ref request, IntPtr.Zero);
                }
                else if (nanoseconds > 1_000_000)
                {
                    Thread.Sleep((int)(nanoseconds / 1_000_000));
                }
                else
                {
                    Thread.Yield();
                }
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private readonly record struct Timespec(long Seconds, long Nanoseconds);

        [DllImport("libc", EntryPoint = "nanosleep")]
        private static extern int Nanosleep(ref Timespec request, IntPtr remaining);
    }
}
