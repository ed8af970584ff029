using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using LumoFlow.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 22, part 11: how soon the work of a killed process comes back. The app runs with the settings it ships with
/// (no shortened timeouts): what is measured is what a user gets.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class RecoveryTimeTests(DevServices services, ITestOutputHelper output)
{
    /// <summary>The promise: an URGENT email to on-call must not wait out Durable's 5 minutes after a crash.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_a_SIGKILL_mid_send_every_email_queued_before_it_arrives_within_60_s_of_the_restart_and_only_once()
    {
        // The first process's mail server takes each connection and never answers: every send is in flight when the
        // process is killed, its claim taken, its work item fetched — the case that waited 302 s before.
        using var stalled = StalledMailServer.Start();
        var hub = TestSettings.NewHub();
        var notifiers = Enumerable.Range(0, 30).Select(i => Sample.UniqueEmail($"recovery{i}")).ToList();
        var ids = new List<string>();
        var first = await AppProcess.StartAsync(services, hub, "worker-1",
            new Dictionary<string, string?> { ["LumoFlow:Email:SmtpPort"] = stalled.Port.ToString(CultureInfo.InvariantCulture) });
        await using (first)
        {
            var submitted = await Task.WhenAll(notifiers.Select(async (email, i) =>
            {
                var notification = Sample.Notification(Sample.IdentityCode(), email);
                // Five carry a red flag: an URGENT email to on-call at once, besides the receipt.
                if (i < 5) notification["reasons"] = new JsonArray("violenceOrSexualAbuse");
                return await first.Http.PostAsJsonAsync("api/notifications", notification);
            }));
            Assert.All(submitted, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            foreach (var response in submitted) ids.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
            // Killed while the sends hang: well before the send timeout (20 s) gives any of them up.
            await Poll.UntilAsync(() => Task.FromResult(stalled.Connections), n => n >= 20, n => $"Only {n} sends reached the mail server.", seconds: 15);
            first.Kill();
        }
        var killedAt = Stopwatch.GetTimestamp();
        Assert.Empty(await services.Mail.WaitForAsync(m => notifiers.Any(m.IsTo), timeout: TimeSpan.Zero));

        var restarted = Stopwatch.GetTimestamp();
        await using var second = await AppProcess.StartAsync(services, hub, "worker-1"); // the real mail server now
        var up = Stopwatch.GetElapsedTime(restarted);
        bool Expected(MailDev.Message m) =>
            notifiers.Any(m.IsTo) || (m.Subject.StartsWith("KIIREELLINEN", StringComparison.Ordinal) && ids.Any(m.Subject.Contains));
        var arrived = new Dictionary<string, TimeSpan>();
        while (arrived.Count < notifiers.Count + 5 && Stopwatch.GetElapsedTime(restarted) < TimeSpan.FromSeconds(120))
        {
            foreach (var m in (await services.Mail.AllAsync()).Where(Expected)) arrived.TryAdd(m.Id, Stopwatch.GetElapsedTime(restarted));
            await Task.Delay(250);
        }
        var last = arrived.Values.DefaultIfEmpty(TimeSpan.MaxValue).Max();
        Figures.Record(output, nameof(RecoveryTimeTests), $"{arrived.Count} of {notifiers.Count + 5} emails queued before the kill arrived; the app answered " +
            $"{up.TotalSeconds:0.0} s after the restart began ({Stopwatch.GetElapsedTime(killedAt, restarted).TotalSeconds:0.0} s after the kill); " +
            $"the last email {last.TotalSeconds:0.0} s after the restart began (median {Median(arrived.Values).TotalSeconds:0.0} s).");
        Assert.Equal(notifiers.Count + 5, arrived.Count);
        Assert.True(last <= Promise, $"The last email arrived {last.TotalSeconds:0.0} s after the restart: over {Promise.TotalSeconds} s.");

        // Only once each: no copy turns up later either (a second delivery would come within the claim's 30 s).
        await Task.Delay(TimeSpan.FromSeconds(35));
        var all = (await services.Mail.AllAsync()).Where(Expected).ToList();
        Assert.All(notifiers, n => Assert.Single(all, m => m.IsTo(n)));
        Assert.All(ids.Take(5), id => Assert.Single(all, m => m.Subject.StartsWith("KIIREELLINEN", StringComparison.Ordinal) && m.Subject.Contains(id)));
        var staff = second.StaffClient();
        foreach (var id in ids) await Cases.WaitForStatusAsync(staff, id, s => Cases.HasEvent(s, "EmailSent"));
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }

    /// <summary>A mail server that accepts every connection and never says a word: a send to it hangs until given up.</summary>
    private sealed class StalledMailServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _held = [];
        private int _connections;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref _connections);

        public static StalledMailServer Start()
        {
            var server = new StalledMailServer();
            server._listener.Start();
            _ = server.AcceptAsync();
            return server;
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    lock (_held) _held.Add(client);
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // stopped
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_held) foreach (var client in _held) client.Dispose();
        }
    }
}
