using System.Globalization;
using System.Threading.RateLimiting;
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
/// A fixed window per client address, in this process's memory: with several instances each keeps its own count, so
/// the real bound is the setting times the instances — enough against a flood, and no storage call on every submit.
/// </remarks>
public sealed class SubmissionRateLimit : IDisposable
{
    public const string PerHourSetting = "LumoFlow:Intake:SubmissionsPerClientPerHour";
    public const string ClientAddressHeaderSetting = "LumoFlow:Intake:ClientAddressHeader";
    public const int DefaultPerHour = 30;

    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly string? _addressHeader;

    /// <param name="perHour">Submissions per client per hour; 0 or less: unlimited.</param>
    /// <param name="addressHeader">
    /// A header a trusted proxy sets to the client's address (Azure: <c>X-Forwarded-For</c>); null: the connection's address.
    /// </param>
    public SubmissionRateLimit(int perHour, string? addressHeader = null, TimeSpan? window = null)
    {
        _addressHeader = string.IsNullOrWhiteSpace(addressHeader) ? null : addressHeader.Trim();
        if (perHour <= 0) return;
        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = perHour,
            Window = window ?? TimeSpan.FromHours(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => options));
    }

    public static SubmissionRateLimit FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetValue(PerHourSetting, DefaultPerHour), configuration[ClientAddressHeaderSetting]);

    /// <summary>
    /// Takes one submission from the client's allowance. Null when it may go ahead; otherwise how long until it may
    /// (whole seconds, at least 1), for <c>Retry-After</c>.
    /// </summary>
    public int? TryAcquire(HttpContext http)
    {
        if (_limiter is null) return null;
        using var lease = _limiter.AttemptAcquire(ClientOf(http));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
    }

    /// <summary>
    /// The client's address: the last entry of the configured header (the one the platform's own front end appended;
    /// entries before it are whatever the client sent), else the connection's remote address.
    /// </summary>
    public string ClientOf(HttpContext http)
    {
        if (_addressHeader is not null
            && http.Request.Headers[_addressHeader].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                is { Length: > 0 } entries)
            return entries[^1];
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>The answer to a submission over the limit, for the API: <c>429</c> with <c>Retry-After</c>.</summary>
    public static IResult TooMany(HttpContext http, int retryAfterSeconds)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many notifications",
            detail: "Too many notifications were sent from this address. Nothing was stored. "
                + $"Try again in {retryAfterSeconds} seconds, or call the social services' emergency number.");
    }

    public void Dispose() => _limiter?.Dispose();
}
