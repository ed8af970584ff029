using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using LumoFlow.App.Email;
using Microsoft.Extensions.Time.Testing;
using Moq;
using DomainEmail = LumoFlow.Domain.Messaging.Email;

namespace LumoFlow.App.Tests.Email;

public sealed class AcsHmacSignerTests
{
    // A made-up 32-byte key, base64 as in a connection string. Never a real secret.
    internal const string AccessKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    [Fact]
    public void Sign_matches_the_documented_string_to_sign_computed_independently()
    {
        var uri = new Uri("https://contoso.communication.azure.com/emails:send?api-version=2023-03-31");
        var body = Encoding.UTF8.GetBytes("{\"senderAddress\":\"a@b.c\"}");
        var date = new DateTimeOffset(2026, 11, 22, 10, 15, 30, TimeSpan.FromHours(2)); // 08:15:30 UTC

        var headers = AcsHmacSigner.Sign("POST", uri, body, date, Convert.FromBase64String(AccessKey));

        // Independently, step by step as the ACS HMAC tutorial describes it.
        const string expectedDate = "Sun, 22 Nov 2026 08:15:30 GMT";
        string expectedHash;
        using (var sha = SHA256.Create())
        {
            expectedHash = Convert.ToBase64String(sha.ComputeHash(body));
        }
        var stringToSign = "POST\n/emails:send?api-version=2023-03-31\n"
            + expectedDate + ";contoso.communication.azure.com;" + expectedHash;
        string expectedSignature;
        using (var hmac = new HMACSHA256(Convert.FromBase64String(AccessKey)))
        {
            expectedSignature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        }

        Assert.Equal(expectedDate, headers.Date);
        Assert.Equal(expectedHash, headers.ContentHash);
        Assert.Equal(
            "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + expectedSignature,
            headers.Authorization);

        // The same vector computed outside .NET (Python hashlib/hmac), pinned so a shared mistake cannot hide.
        Assert.Equal("JppGVhXOsxjTDFEjYrQyeJE/eLwcSbSYvYuKFodVIO0=", headers.ContentHash);
        Assert.EndsWith("&Signature=DjqTPRqLkP+IKApvyAx2ZmyRzCLVPQRI2TmSu06y/kU=", headers.Authorization);
    }

    [Fact]
    public void Sign_hashes_an_empty_body_and_keeps_a_non_default_port_in_the_host()
    {
        var uri = new Uri("https://localhost:8443/x?y=1");
        var date = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var headers = AcsHmacSigner.Sign("get", uri, ReadOnlySpan<byte>.Empty, date, Convert.FromBase64String(AccessKey));

        // SHA-256 of zero bytes (as printed by `printf "" | openssl dgst -sha256 -binary | base64`).
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", headers.ContentHash);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Convert.FromBase64String(AccessKey),
            Encoding.UTF8.GetBytes("GET\n/x?y=1\nFri, 02 Jan 2026 03:04:05 GMT;localhost:8443;" + headers.ContentHash)));
        Assert.EndsWith("&Signature=" + expected, headers.Authorization);
    }

    [Fact]
    public void Signature_changes_with_body_date_and_path()
    {
        var key = Convert.FromBase64String(AccessKey);
        var uri = new Uri("https://contoso.communication.azure.com/emails:send?api-version=2023-03-31");
        var date = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        var a = AcsHmacSigner.Sign("POST", uri, "{}"u8, date, key).Authorization;

        Assert.NotEqual(a, AcsHmacSigner.Sign("POST", uri, "{ }"u8, date, key).Authorization);
        Assert.NotEqual(a, AcsHmacSigner.Sign("POST", uri, "{}"u8, date.AddSeconds(1), key).Authorization);
        Assert.NotEqual(a, AcsHmacSigner.Sign("POST", new Uri("https://contoso.communication.azure.com/emails:send?api-version=2025-09-01"), "{}"u8, date, key).Authorization);
        Assert.Equal(a, AcsHmacSigner.Sign("POST", uri, "{}"u8, date, key).Authorization);
    }

    [Fact]
    public void DecodeKey_rejects_non_base64_without_echoing_it()
    {
        var ex = Assert.Throws<FormatException>(() => AcsHmacSigner.DecodeKey("not*base64*secret"));
        Assert.DoesNotContain("secret", ex.Message);
    }
}

public sealed class AcsEmailSenderTests
{
    private const string Endpoint = "https://contoso.communication.azure.com/";
    private const string Sender = "DoNotReply@lumoflow.azurecomm.net";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 15, 30, TimeSpan.Zero);

    private static readonly DomainEmail Email = new(
        Id: "case-7f3a/outbox-0001",
        To: "paivystys@example.fi",
        Subject: "LumoFlow: uusi lastensuojeluilmoitus LF-2026-0042",
        TextBody: "Ilmoitus LF-2026-0042 odottaa käsittelyä. Määräaika 7 vrk.\nhttps://lumoflow.example/cases/LF-2026-0042",
        Kind: "Receipt");

    [Fact]
    public async Task Sends_a_signed_post_to_the_documented_url_with_the_documented_body()
    {
        var handler = new CapturingHandler(HttpStatusCode.Accepted);
        var sender = NewHmacSender(handler);

        await sender.SendAsync(Email, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://contoso.communication.azure.com/emails:send?api-version=2023-03-31", request.Uri.AbsoluteUri);
        Assert.Equal("/emails:send?api-version=2023-03-31", request.Uri.PathAndQuery);
        Assert.Equal("application/json", request.ContentType);

        // x-ms-date: RFC 1123, from the injected clock.
        var date = request.Header("x-ms-date");
        Assert.Equal("Sun, 22 Nov 2026 10:15:30 GMT", date);

        // x-ms-content-sha256: base64 SHA-256 of the bytes actually sent.
        var contentHash = request.Header("x-ms-content-sha256");
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(request.Body)), contentHash);

        // Authorization: the documented format, and a signature over the documented string-to-sign.
        var authorization = request.Header("Authorization");
        var match = Regex.Match(authorization, "^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(?<sig>[A-Za-z0-9+/]+=*)$");
        Assert.True(match.Success, "Authorization header has the documented HMAC-SHA256 format");
        var stringToSign = $"POST\n{request.Uri.PathAndQuery}\n{date};{request.Uri.Authority};{contentHash}";
        var expectedSignature = Convert.ToBase64String(
            HMACSHA256.HashData(Convert.FromBase64String(AcsHmacSignerTests.AccessKey), Encoding.UTF8.GetBytes(stringToSign)));
        Assert.Equal(expectedSignature, match.Groups["sig"].Value);
        Assert.Equal("contoso.communication.azure.com", request.Uri.Authority);

        // Body shape.
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(Sender, root.GetProperty("senderAddress").GetString());
        var to = Assert.Single(root.GetProperty("recipients").GetProperty("to").EnumerateArray());
        Assert.Equal(Email.To, to.GetProperty("address").GetString());
        Assert.Equal(Email.Subject, root.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal(Email.TextBody, root.GetProperty("content").GetProperty("plainText").GetString());
        Assert.False(root.GetProperty("content").TryGetProperty("html", out _));
        Assert.True(root.GetProperty("userEngagementTrackingDisabled").GetBoolean());
        Assert.Equal(
            new[] { "senderAddress", "recipients", "content", "userEngagementTrackingDisabled" },
            root.EnumerateObject().Select(p => p.Name).ToArray());

        // Operation-Id: a UUID.
        Assert.True(Guid.TryParseExact(request.Header("Operation-Id"), "D", out _));
    }

    [Fact]
    public async Task Operation_id_is_stable_for_the_same_email_id_and_differs_for_another()
    {
        var handler = new CapturingHandler(HttpStatusCode.Accepted);
        var sender = NewHmacSender(handler);
        var time = new FakeTimeProvider(Now.AddMinutes(5));
        var otherSender = new AcsEmailSender(new HttpClient(handler), AcsEmailOptions.FromConnectionString(ConnectionString, Sender), time);

        await sender.SendAsync(Email, CancellationToken.None);
        await otherSender.SendAsync(Email with { Subject = "retry" }, CancellationToken.None); // a retry, later, by another instance
        await sender.SendAsync(Email with { Id = "case-7f3a/outbox-0002" }, CancellationToken.None);

        var ids = handler.Requests.Select(r => r.Header("Operation-Id")).ToArray();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.Equal(AcsEmailSender.OperationIdFor(Email.Id).ToString("D"), ids[0]);

        var guid = Guid.Parse(ids[0]);
        Assert.Equal(5, guid.Version);
        Assert.Equal(8, (guid.ToByteArray(bigEndian: true)[8] & 0xC0) >> 4); // variant 10xx
    }

    [Fact]
    public void Name_based_uuid_matches_the_rfc_9562_test_vector()
    {
        // RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), AcsEmailSender.NameBasedUuid(dns, "www.example.com"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.OK)]
    public async Task Anything_but_202_throws_with_the_status_and_without_the_email_content(HttpStatusCode status)
    {
        var handler = new CapturingHandler(status, errorCode: "InvalidRecipient",
            errorBody: "{\"error\":{\"code\":\"BadRequest\",\"message\":\"bad paivystys@example.fi\"}}");
        var sender = NewHmacSender(handler);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(Email, CancellationToken.None));

        Assert.Equal(status, ex.StatusCode);
        Assert.Contains(((int)status).ToString(CultureInfo.InvariantCulture), ex.Message);
        Assert.Contains("Receipt", ex.Message);
        Assert.Contains("InvalidRecipient", ex.Message);
        Assert.DoesNotContain(Email.To, ex.Message);
        Assert.DoesNotContain("LF-2026-0042", ex.Message);
        Assert.DoesNotContain("odottaa", ex.Message);
        Assert.DoesNotContain(AcsHmacSignerTests.AccessKey, ex.Message);
    }

    [Fact]
    public async Task Without_an_access_key_it_sends_an_entra_id_bearer_token_and_reuses_it()
    {
        var credential = new Mock<TokenCredential>(MockBehavior.Strict);
        credential
            .Setup(c => c.GetTokenAsync(
                It.Is<TokenRequestContext>(ctx => ctx.Scopes.SequenceEqual(new[] { "https://communication.azure.com//.default" })),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token-abc", Now.AddHours(1)));
        var handler = new CapturingHandler(HttpStatusCode.Accepted);
        var time = new FakeTimeProvider(Now);
        var sender = new AcsEmailSender(new HttpClient(handler), new AcsEmailOptions(Endpoint, null, Sender), time, credential.Object);

        await sender.SendAsync(Email, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(10));
        await sender.SendAsync(Email, CancellationToken.None);

        Assert.All(handler.Requests, r =>
        {
            Assert.Equal("Bearer token-abc", r.Header("Authorization"));
            Assert.Null(r.HeaderOrNull("x-ms-date"));
            Assert.Null(r.HeaderOrNull("x-ms-content-sha256"));
            Assert.Equal("https://contoso.communication.azure.com/emails:send?api-version=2023-03-31", r.Uri.AbsoluteUri);
        });
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Once);

        // Close to expiry it asks again.
        time.Advance(TimeSpan.FromMinutes(46));
        await sender.SendAsync(Email, CancellationToken.None);
        credential.Verify(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public void FromConnectionString_reads_endpoint_and_key_in_any_order_and_case()
    {
        var a = AcsEmailOptions.FromConnectionString(ConnectionString, Sender);
        var b = AcsEmailOptions.FromConnectionString($"AccessKey={AcsHmacSignerTests.AccessKey}; Endpoint={Endpoint};", Sender);

        Assert.Equal(new AcsEmailOptions(Endpoint, AcsHmacSignerTests.AccessKey, Sender), a);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/")]
    [InlineData("accesskey=c2VjcmV0LXZhbHVl")]
    [InlineData("endpoint=https://x/;c2VjcmV0LXZhbHVl")]
    public void FromConnectionString_rejects_incomplete_strings_without_echoing_them(string connectionString)
    {
        var ex = Assert.Throws<FormatException>(() => AcsEmailOptions.FromConnectionString(connectionString, Sender));
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", ex.Message);
    }

    [Fact]
    public void Requires_https_and_some_way_to_authenticate()
    {
        var http = new HttpClient(new CapturingHandler(HttpStatusCode.Accepted));
        Assert.Throws<ArgumentException>(() => new AcsEmailSender(http, new AcsEmailOptions("http://contoso.communication.azure.com", AcsHmacSignerTests.AccessKey, Sender), TimeProvider.System));
        Assert.Throws<ArgumentException>(() => new AcsEmailSender(http, new AcsEmailOptions(Endpoint, null, Sender), TimeProvider.System));
    }

    [Fact]
    public void Send_uri_does_not_depend_on_a_trailing_slash()
    {
        var http = new HttpClient(new CapturingHandler(HttpStatusCode.Accepted));
        var withSlash = new AcsEmailSender(http, new AcsEmailOptions("https://contoso.communication.azure.com/", AcsHmacSignerTests.AccessKey, Sender), TimeProvider.System);
        var without = new AcsEmailSender(http, new AcsEmailOptions("https://contoso.communication.azure.com", AcsHmacSignerTests.AccessKey, Sender), TimeProvider.System);
        Assert.Equal(withSlash.SendUri, without.SendUri);
        Assert.Equal("https://contoso.communication.azure.com/emails:send?api-version=2023-03-31", without.SendUri.AbsoluteUri);
    }

    private static string ConnectionString => $"endpoint={Endpoint};accesskey={AcsHmacSignerTests.AccessKey}";

    private static AcsEmailSender NewHmacSender(CapturingHandler handler) =>
        new(new HttpClient(handler), AcsEmailOptions.FromConnectionString(ConnectionString, Sender), new FakeTimeProvider(Now));

    private sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[] Body)
    {
        public string Header(string name) => HeaderOrNull(name) ?? throw new Xunit.Sdk.XunitException($"missing header {name}");

        public string? HeaderOrNull(string name) =>
            Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private sealed class CapturingHandler(HttpStatusCode status, string? errorCode = null, string? errorBody = null) : HttpMessageHandler
    {
        public List<CapturedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            Requests.Add(new CapturedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.MediaType, body));

            var response = new HttpResponseMessage(status);
            if (status == HttpStatusCode.Accepted)
            {
                response.Headers.TryAddWithoutValidation("Operation-Location", "https://contoso.communication.azure.com/emails/operations/x?api-version=2023-03-31");
                response.Content = new StringContent("{\"id\":\"x\",\"status\":\"Running\"}", Encoding.UTF8, "application/json");
            }
            else
            {
                if (errorCode is not null)
                {
                    response.Headers.TryAddWithoutValidation("x-ms-error-code", errorCode);
                }
                response.Content = new StringContent(errorBody ?? "", Encoding.UTF8, "application/json");
            }
            return response;
        }
    }
}
