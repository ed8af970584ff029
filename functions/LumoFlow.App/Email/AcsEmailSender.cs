using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace LumoFlow.App.Email;

/// <summary>Where and how to reach Azure Communication Services Email.</summary>
/// <param name="Endpoint">The ACS resource endpoint, e.g. <c>https://lumoflow-acs.europe.communication.azure.com</c>.</param>
/// <param name="AccessKey">The resource access key (base64) for HMAC signing; <c>null</c> to authenticate with Entra ID instead.</param>
/// <param name="SenderAddress">The <c>MailFrom</c> address of a verified (e.g. Azure-managed) domain linked to the resource.</param>
public sealed record AcsEmailOptions(string Endpoint, string? AccessKey, string SenderAddress)
{
    /// <summary>
    /// Reads an ACS connection string of the form <c>endpoint=https://…/;accesskey=…</c> (keys are case-insensitive,
    /// the order is free). The error messages never echo the connection string, which holds a secret.
    /// </summary>
    public static AcsEmailOptions FromConnectionString(string connectionString, string senderAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(senderAddress);

        string? endpoint = null;
        string? accessKey = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                throw new FormatException("The ACS connection string is malformed: every part must be key=value.");
            }
            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim(); // base64 keys end in '=': split on the first '=' only
            if (key.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = value;
            }
            else if (key.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                accessKey = value;
            }
        }

        if (string.IsNullOrEmpty(endpoint))
        {
            throw new FormatException("The ACS connection string has no endpoint.");
        }
        if (string.IsNullOrEmpty(accessKey))
        {
            throw new FormatException("The ACS connection string has no accesskey.");
        }
        return new AcsEmailOptions(endpoint, accessKey, senderAddress);
    }
}

/// <summary>
/// Sends outbox emails through the Azure Communication Services Email REST API
/// (<c>POST {endpoint}/emails:send?api-version=2023-03-31</c>), without the ACS SDK (not available to us).
/// </summary>
/// <remarks>
/// <para><b>Request.</b> JSON body <c>{senderAddress, recipients:{to:[{address}]}, content:{subject, plainText},
/// userEngagementTrackingDisabled:true}</c> — plain text only, no tracking pixels or rewritten links.</para>
/// <para><b>Idempotency.</b> The <c>Operation-Id</c> header (a UUID in this API version) is derived deterministically
/// from <see cref="LumoFlow.Domain.Messaging.Email.Id"/> (a name-based UUID, version 5 layout), so a retry of the same
/// outbox email carries the same operation id and ACS can recognise it. The API version 2023-03-31 does not define the
/// <c>Repeatability-Request-Id</c>/<c>Repeatability-First-Sent</c> headers, so they are not sent.
/// The id must be unique across all cases (not only within one): two emails with the same id share an operation id.</para>
/// <para><b>Authentication.</b> With an access key: the ACS HMAC-SHA256 scheme (<see cref="AcsHmacSigner"/>).
/// Without one: an Entra ID bearer token for <c>https://communication.azure.com//.default</c> from the given
/// <see cref="TokenCredential"/> (e.g. the Function App's managed identity).</para>
/// <para><b>Result.</b> <c>202 Accepted</c> means queued for delivery: the send succeeded from the outbox's point of
/// view. Anything else throws <see cref="HttpRequestException"/> carrying the status code. Neither the exception
/// message nor anything else here contains the subject, body or recipient: only the email's kind, the operation id,
/// the status and the service's error code.</para>
/// </remarks>
public sealed class AcsEmailSender : IEmailSender
{
    /// <summary>The ACS Email API version this client speaks.</summary>
    public const string ApiVersion = "2023-03-31";

    /// <summary>The Entra ID scope for ACS data-plane calls (the double slash is what ACS expects).</summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    /// <summary>Namespace for the name-based operation ids (fixed forever: changing it changes every id).</summary>
    internal static readonly Guid OperationIdNamespace = new("6f1b9a52-3c0e-4d3b-9a8e-4c756d6f466c");

    private static readonly TimeSpan TokenRefreshMargin = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly AcsEmailOptions _options;
    private readonly TimeProvider _time;
    private readonly TokenCredential? _credential;
    private readonly byte[]? _key;
    private readonly Uri _sendUri;
    private volatile CachedToken? _token;

    public AcsEmailSender(HttpClient http, AcsEmailOptions options, TimeProvider time, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SenderAddress);

        if (!Uri.TryCreate(options.Endpoint.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The ACS endpoint must be an absolute https URI.", nameof(options));
        }
        if (string.IsNullOrWhiteSpace(options.AccessKey) && credential is null)
        {
            throw new ArgumentException("Either an ACS access key or a token credential is required.", nameof(options));
        }

        _http = http;
        _options = options;
        _time = time;
        _credential = credential;
        _key = string.IsNullOrWhiteSpace(options.AccessKey) ? null : AcsHmacSigner.DecodeKey(options.AccessKey);
        // Built as text on purpose: resolving "emails:send" as a relative URI would read "emails:" as a scheme.
        _sendUri = new Uri($"{endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}/emails:send?api-version={ApiVersion}", UriKind.Absolute);
    }

    /// <summary>The URI every send goes to.</summary>
    public Uri SendUri => _sendUri;

    /// <inheritdoc />
    public async Task SendAsync(LumoFlow.Domain.Messaging.Email email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(email.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(email.To);

        var operationId = OperationIdFor(email.Id);
        var body = BuildBody(_options.SenderAddress, email);

        using var request = new HttpRequestMessage(HttpMethod.Post, _sendUri);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("Operation-Id", operationId.ToString("D"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        if (_key is not null)
        {
            var signed = AcsHmacSigner.Sign("POST", _sendUri, body, _time.GetUtcNow(), _key);
            request.Headers.TryAddWithoutValidation(AcsSignedHeaders.DateHeader, signed.Date);
            request.Headers.TryAddWithoutValidation(AcsSignedHeaders.ContentHashHeader, signed.ContentHash);
            request.Headers.TryAddWithoutValidation(AcsSignedHeaders.AuthorizationHeader, signed.Authorization);
        }
        else
        {
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);

        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return;
        }

        // The error body is not read into the message: it may quote what was sent.
        var errorCode = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        var message = new StringBuilder()
            .Append("ACS email send failed: HTTP ")
            .Append((int)response.StatusCode)
            .Append(' ')
            .Append(response.StatusCode)
            .Append(" for a '").Append(SafeToken(email.Kind)).Append("' email, operation ").Append(operationId.ToString("D"));
        if (!string.IsNullOrEmpty(errorCode))
        {
            message.Append(", error code ").Append(SafeToken(errorCode));
        }
        message.Append('.');
        throw new HttpRequestException(message.ToString(), inner: null, statusCode: response.StatusCode);
    }

    /// <summary>
    /// The <c>Operation-Id</c> for an outbox email: a name-based UUID (RFC 9562 version 5 layout: SHA-1 over a fixed
    /// namespace and the UTF-8 id). The same id always gives the same UUID.
    /// </summary>
    public static Guid OperationIdFor(string emailId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailId);
        return NameBasedUuid(OperationIdNamespace, emailId);
    }

    /// <summary>RFC 9562 UUID version 5: SHA-1 of the namespace (network byte order) followed by the UTF-8 name.</summary>
    internal static Guid NameBasedUuid(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122/9562 variant
        return new Guid(uuid, bigEndian: true);
    }

    /// <summary>The exact JSON bytes sent (and, with an access key, hashed and signed).</summary>
    internal static byte[] BuildBody(string senderAddress, LumoFlow.Domain.Messaging.Email email)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("senderAddress", senderAddress);
            json.WriteStartObject("recipients");
            json.WriteStartArray("to");
            json.WriteStartObject();
            json.WriteString("address", email.To);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("content");
            json.WriteString("subject", email.Subject);
            json.WriteString("plainText", email.TextBody);
            json.WriteEndObject();
            json.WriteBoolean("userEngagementTrackingDisabled", true);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var cached = _token;
        if (cached is not null && cached.ExpiresOn - TokenRefreshMargin > now)
        {
            return cached.Token;
        }

        var token = await _credential!.GetTokenAsync(new TokenRequestContext([TokenScope]), cancellationToken)
            .ConfigureAwait(false);
        _token = new CachedToken(token.Token, token.ExpiresOn);
        return token.Token;
    }

    // Kind and error codes are short identifiers; anything else is cut so that no free text reaches a log.
    private static string SafeToken(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "unknown";
        }
        var trimmed = value.Length > 64 ? value[..64] : value;
        return trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? trimmed : "unknown";
    }

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
