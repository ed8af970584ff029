using System.Net;
using LumoFlow.App.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace LumoFlow.App.Tests.Intake;

/// <summary>
/// The anonymous submission limit (issue 22, Abuse): keyed on the client's address without its port and an IPv6 address
/// by its /64, so that neither a front end's <c>ip:port</c> nor a host's many IPv6 addresses give a fresh allowance;
/// and its memory bounded.
/// </summary>
public sealed class SubmissionRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("203.0.113.7:50123", "203.0.113.7")]
    [InlineData(" 203.0.113.7:443 ", "203.0.113.7")]
    [InlineData("[2001:db8:1:2:aaaa:bbbb:cccc:dddd]:50123", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("[2001:db8:1:2::1]", "2001:db8:1:2::/64")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("[::ffff:203.0.113.7]:8080", "203.0.113.7")]
    [InlineData("\"203.0.113.7:1234\"", "203.0.113.7")]
    public void A_client_is_its_address_without_the_port_and_an_IPv6_address_its_64(string entry, string key) =>
        Assert.Equal(key, SubmissionRateLimit.KeyOf(entry));

    [Theory]
    [InlineData("unknown")]
    [InlineData("_hidden")]
    [InlineData("")]
    [InlineData("203.0.113.7:port")]
    public void Text_that_is_no_address_has_no_key(string entry) => Assert.Null(SubmissionRateLimit.KeyOf(entry));

    [Fact]
    public void A_fresh_port_on_every_connection_gets_no_fresh_allowance()
    {
        var limit = new SubmissionRateLimit(2, "X-Forwarded-For", time: new FakeTimeProvider(Start));

        Assert.Null(limit.TryAcquire(Request("198.51.100.1, 203.0.113.7:50001")));
        Assert.Null(limit.TryAcquire(Request("203.0.113.7:50002")));
        Assert.NotNull(limit.TryAcquire(Request("203.0.113.7:50003")));
        // Another address in the same IPv6 /64 is the same client; another /64 is not.
        Assert.Null(limit.TryAcquire(Request("[2001:db8:1:2::1]:1")));
        Assert.Null(limit.TryAcquire(Request("[2001:db8:1:2::ffff]:2")));
        Assert.NotNull(limit.TryAcquire(Request("[2001:db8:1:2:1:2:3:4]:3")));
        Assert.Null(limit.TryAcquire(Request("[2001:db8:1:3::1]:4")));
    }

    [Fact]
    public void The_last_entry_is_the_one_trusted_and_one_that_is_no_address_counts_as_the_connection()
    {
        var limit = new SubmissionRateLimit(1, "X-Forwarded-For");

        // Entries before the last are whatever the client sent: changing them changes nothing.
        Assert.Equal("203.0.113.7", limit.ClientOf(Request("1.1.1.1, 203.0.113.7:1")));
        Assert.Equal("203.0.113.7", limit.ClientOf(Request("2.2.2.2,203.0.113.7:2")));
        Assert.Equal("192.0.2.9", limit.ClientOf(Request("garbage", remote: "192.0.2.9")));
        Assert.Equal("192.0.2.9", limit.ClientOf(Request(null, remote: "192.0.2.9")));
        Assert.Equal("2001:db8::/64", limit.ClientOf(Request(null, remote: "2001:db8::5")));
        Assert.Equal("192.0.2.9", new SubmissionRateLimit(1).ClientOf(Request("203.0.113.7", remote: "::ffff:192.0.2.9")));
    }

    [Fact]
    public void The_window_passes_and_Retry_After_says_when()
    {
        var time = new FakeTimeProvider(Start);
        var limit = new SubmissionRateLimit(2, time: time);

        Assert.Null(limit.TryAcquire("a"));
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Null(limit.TryAcquire("a"));
        Assert.Equal(40 * 60, limit.TryAcquire("a"));
        time.Advance(TimeSpan.FromMinutes(39) + TimeSpan.FromSeconds(59.5));
        Assert.Equal(1, limit.TryAcquire("a"));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(limit.TryAcquire("a"));
    }

    [Fact]
    public void Its_memory_is_bounded_and_the_oldest_window_makes_room()
    {
        var time = new FakeTimeProvider(Start);
        var limit = new SubmissionRateLimit(1, maxClients: 3, time: time);

        foreach (var client in new[] { "a", "b", "c" })
        {
            Assert.Null(limit.TryAcquire(client));
            time.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(3, limit.TrackedClients);
        Assert.Null(limit.TryAcquire("d")); // "a", the oldest window, makes room
        Assert.Equal(3, limit.TrackedClients);
        Assert.NotNull(limit.TryAcquire("b"));
        Assert.NotNull(limit.TryAcquire("c"));
        Assert.NotNull(limit.TryAcquire("d"));
        Assert.Null(limit.TryAcquire("a")); // forgotten: a fresh allowance, and "b" goes
        Assert.Null(limit.TryAcquire("b"));
    }

    [Fact]
    public void A_flood_of_distinct_clients_never_tracks_more_than_the_bound_and_passed_windows_are_forgotten()
    {
        var time = new FakeTimeProvider(Start);
        var limit = new SubmissionRateLimit(30, maxClients: 1000, time: time);

        for (var i = 0; i < 50_000; i++)
            Assert.Null(limit.TryAcquire(SubmissionRateLimit.KeyOf(new IPAddress(BitConverter.GetBytes(0x0A000000 + i)))));
        Assert.Equal(1000, limit.TrackedClients);

        time.Advance(TimeSpan.FromHours(1));
        Assert.Null(limit.TryAcquire("after the flood"));
        Assert.Equal(1, limit.TrackedClients);
    }

    [Fact]
    public void Zero_is_no_limit_and_the_settings_are_read()
    {
        var unlimited = new SubmissionRateLimit(0);
        for (var i = 0; i < 100; i++) Assert.Null(unlimited.TryAcquire("a"));

        var configured = SubmissionRateLimit.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SubmissionRateLimit.MaxClientsSetting] = "500" }).Build());
        Assert.Equal(500, configured.MaxClients);
        Assert.Equal(SubmissionRateLimit.DefaultMaxClients, new SubmissionRateLimit(1).MaxClients);
    }

    private static DefaultHttpContext Request(string? forwardedFor, string remote = "10.0.0.1")
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null) http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return http;
    }
}
