using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LumoFlow.App.Email;

/// <summary>The three headers an access-key-signed ACS request carries, exactly as they must be sent.</summary>
/// <param name="Date">Value of <c>x-ms-date</c>: the request time in RFC 1123 form (e.g. <c>Sun, 22 Nov 2026 10:00:00 GMT</c>).</param>
/// <param name="ContentHash">Value of <c>x-ms-content-sha256</c>: base64 of the SHA-256 of the exact body bytes.</param>
/// <param name="Authorization">Value of <c>Authorization</c>: <c>HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature=…</c>.</param>
public sealed record AcsSignedHeaders(string Date, string ContentHash, string Authorization)
{
    public const string DateHeader = "x-ms-date";
    public const string ContentHashHeader = "x-ms-content-sha256";
    public const string AuthorizationHeader = "Authorization";
}

/// <summary>
/// Signs a request to an Azure Communication Services data-plane API with the resource's access key
/// (the documented HMAC-SHA256 scheme). Pure: no clock, no I/O; the caller supplies the time.
/// </summary>
/// <remarks>
/// <para>The scheme (ACS "Sign an HTTP request with HMAC"):</para>
/// <list type="number">
/// <item><c>contentHash = base64(SHA256(body))</c> — of the exact bytes sent, also for an empty body.</item>
/// <item><c>stringToSign = METHOD + "\n" + pathAndQuery + "\n" + date + ";" + host + ";" + contentHash</c>,
/// where <c>host</c> is the URI authority (host, plus the port only when it is not the scheme's default).</item>
/// <item><c>signature = base64(HMACSHA256(key: base64decode(accessKey), data: UTF8(stringToSign)))</c>.</item>
/// <item><c>Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&amp;Signature={signature}</c>.</item>
/// </list>
/// <para>The service recomputes the hash and the signature, so the <c>x-ms-date</c> and <c>x-ms-content-sha256</c>
/// headers must be sent with exactly these values and the body must not be re-serialised after signing.
/// The date may not be far from the service's clock (requests older than a few minutes are rejected).</para>
/// </remarks>
public static class AcsHmacSigner
{
    /// <summary>The fixed list of signed headers, in signing order.</summary>
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    /// <summary>Computes the headers for one request.</summary>
    /// <param name="method">HTTP method, e.g. <c>POST</c> (upper-cased before signing).</param>
    /// <param name="requestUri">Absolute request URI; its path-and-query and authority are signed.</param>
    /// <param name="body">The exact body bytes that will be sent (empty for none).</param>
    /// <param name="date">Request time; formatted as RFC 1123 in UTC.</param>
    /// <param name="key">The access key, already base64-decoded.</param>
    public static AcsSignedHeaders Sign(string method, Uri requestUri, ReadOnlySpan<byte> body, DateTimeOffset date, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        if (!requestUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute.", nameof(requestUri));
        }
        if (key.IsEmpty)
        {
            throw new ArgumentException("The access key must not be empty.", nameof(key));
        }

        var dateText = FormatDate(date);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var stringToSign = StringToSign(method, requestUri, dateText, contentHash);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={signature}";
        return new AcsSignedHeaders(dateText, contentHash, authorization);
    }

    /// <summary>Decodes an ACS access key (the <c>accesskey=</c> part of a connection string).</summary>
    /// <exception cref="FormatException">The key is not valid base64. The message never contains the key.</exception>
    public static byte[] DecodeKey(string accessKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        try
        {
            return Convert.FromBase64String(accessKey.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException("The ACS access key is not valid base64.");
        }
    }

    /// <summary>The RFC 1123 (<c>"r"</c>) form of <paramref name="date"/> in UTC, as sent in <c>x-ms-date</c>.</summary>
    public static string FormatDate(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    internal static string StringToSign(string method, Uri requestUri, string date, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{requestUri.PathAndQuery}\n{date};{requestUri.Authority};{contentHash}";
}
