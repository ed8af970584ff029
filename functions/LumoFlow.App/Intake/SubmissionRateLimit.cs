using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace LumoFlow.App.Intake;

/// <summary>
/// A bound on how many notifications one client may submit without a key (the public form and anonymous
/// <c>POST /api/notifications</c>): anyone may notify (LSL § 25(2)), so nothing else stops a script from opening
/// thousands of cases and burying the real ones. The bound is generous for a person — a school's nurse sending a
/// handful in an hour is never held back — and counts only submissions that would open a case, so correcting a form's
/// errors costs nothing. Staff registering notifications with their key are never limited.
/// </summary>
/// <remarks>
/// <para>A fixed window per client (<see cref="KeyOf"/>: the address without its port, an IPv6 address by its /64), in
/// this process's memory: with several instances each keeps its own count, so the real bound is the setting times the
/// instances — enough against a flood, and no storage call on every submit.</para>
/// <para>The memory is bounded: at most <see cref="MaxClients"/> clients are tracked (each about 200 bytes, so the
/// default 100,000 is some 20 MB). A new client past the bound takes the place of the client whose window began
/// longest ago, which gets a fresh allowance the next time it comes. Hand-written rather than
/// <c>System.Threading.RateLimiting</c>'s partitioned limiter, which keeps every partition until its window has
/// passed and has no bound on how many it keeps.</para>
/// </remarks>
public sealed class SubmissionRateLimit
{
    public const string PerHourSetting = "LumoFlow:Intake:SubmissionsPerClientPerHour";
    public const string ClientAddressHeaderSetting = "LumoFlow:Intake:ClientAddressHeader";
    public const string MaxClientsSetting = "LumoFlow:Intake:RateLimitMaxClients";
    public const int DefaultPerHour = 30;
    public const int DefaultMaxClients = 100_000;

    private readonly int _perHour;
    private readonly TimeSpan _window;
    private readonly string? _addressHeader;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<Window>> _byClient = new(StringComparer.Ordinal);
    /// <summary>The tracked windows, the one that began longest ago first.</summary>
    private readonly LinkedList<Window> _oldestFirst = new();

    /// <param name="perHour">Submissions per client per window; 0 or less: unlimited.</param>
    /// <param name="addressHeader">
    /// A header a trusted proxy sets to the client's address (Azure: <c>X-Forwarded-For</c>); null: the connection's address.
    /// </param>
    /// <param name="maxClients">How many clients are tracked at most (at least 1).</param>
    public SubmissionRateLimit(int perHour, string? addressHeader = null, TimeSpan? window = null, int maxClients = DefaultMaxClients,
        TimeProvider? time = null)
    {
        _perHour = perHour;
        _window = window ?? TimeSpan.FromHours(1);
        _addressHeader = string.IsNullOrWhiteSpace(addressHeader) ? null : addressHeader.Trim();
        MaxClients = Math.Max(1, maxClients);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The most clients tracked at once.</summary>
    public int MaxClients { get; }

    /// <summary>How many clients are tracked now (never more than <see cref="MaxClients"/>).</summary>
    public int TrackedClients
    {
        get { lock (_gate) return _byClient.Count; }
    }

    public static SubmissionRateLimit FromConfiguration(IConfiguration configuration, TimeProvider? time = null) =>
        new(configuration.GetValue(PerHourSetting, DefaultPerHour), configuration[ClientAddressHeaderSetting],
            maxClients: configuration.GetValue(MaxClientsSetting, DefaultMaxClients), time: time);

    /// <summary>
    /// Takes one submission from the client's allowance. Null when it may go ahead; otherwise how long until it may
    /// (whole seconds, at least 1), for <c>Retry-After</c>.
    /// </summary>
    public int? TryAcquire(HttpContext http) => _perHour <= 0 ? null : TryAcquire(ClientOf(http));

    /// <summary>As <see cref="TryAcquire(HttpContext)"/>, for a client key (<see cref="ClientOf"/>).</summary>
    public int? TryAcquire(string client)
    {
        if (_perHour <= 0) return null;
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_byClient.TryGetValue(client, out var node))
            {
                if (now - node.Value.Start >= _window)
                {
                    // A new window: it is now the newest.
                    node.Value.Start = now;
                    node.Value.Count = 0;
                    _oldestFirst.Remove(node);
                    _oldestFirst.AddLast(node);
                }
            }
            else
            {
                // Windows that have passed are forgotten first; past the bound, the oldest window makes room.
                while (_oldestFirst.First is { } oldest && (now - oldest.Value.Start >= _window || _byClient.Count >= MaxClients))
                {
                    _oldestFirst.RemoveFirst();
                    _byClient.Remove(oldest.Value.Client);
                }
                node = _oldestFirst.AddLast(new Window(client, now));
                _byClient[client] = node;
            }

            if (node.Value.Count < _perHour)
            {
                node.Value.Count++;
                return null;
            }
            return Math.Max(1, (int)Math.Ceiling((node.Value.Start + _window - now).TotalSeconds));
        }
    }

    /// <summary>
    /// The client's key: the last entry of the configured header (the one the platform's own front end appended;
    /// entries before it are whatever the client sent), else the connection's remote address — as <see cref="KeyOf"/>
    /// has it. An entry that is no address counts as the connection's address.
    /// </summary>
    public string ClientOf(HttpContext http)
    {
        if (_addressHeader is not null
            && http.Request.Headers[_addressHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                is { Length: > 0 } entries
            && KeyOf(entries[^1]) is { } key)
            return key;
        return http.Connection.RemoteIpAddress is { } remote ? KeyOf(remote) : "unknown";
    }

    /// <summary>
    /// An address as the limit counts it: without its port (App Service's front end writes <c>ip:port</c>, a fresh
    /// port for every connection), an IPv4-mapped IPv6 address as the IPv4 address, and an IPv6 address by its /64 (one
    /// subscriber's network: a host picks any address in it at will). Null when the text is no address.
    /// </summary>
    public static string? KeyOf(string entry)
    {
        var text = entry.Trim().Trim('"');
        if (IPEndPoint.TryParse(text, out var endPoint)) return KeyOf(endPoint.Address);
        return null;
    }

    /// <inheritdoc cref="KeyOf(string)"/>
    public static string KeyOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>The answer to a submission over the limit, for the API: <c>429</c> with <c>Retry-After</c>.</summary>
    public static IResult TooMany(HttpContext http, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many notifications",
            detail: "Too many notifications were sent from this address. Nothing was stored. "
                + $"Try again in {retryAfterSeconds} seconds, or call the social services' emergency number.");
    }

    private sealed class Window(string client, DateTimeOffset start)
    {
        public string Client { get; } = client;
        public DateTimeOffset Start { get; set; } = start;
        public int Count { get; set; }
    }
}
