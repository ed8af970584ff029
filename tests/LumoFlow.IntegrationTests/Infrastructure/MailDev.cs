using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>maildev's REST API (v3: under <c>/api</c>): what the app really sent over SMTP.</summary>
public sealed class MailDev(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public sealed record Address([property: JsonPropertyName("address")] string Value);

    /// <param name="Headers">The headers as maildev parsed them, by lower-case name.</param>
    public sealed record Message(string Id, string Subject, string Text, IReadOnlyList<Address> To, IReadOnlyDictionary<string, object>? Headers = null)
    {
        /// <summary>The Message-ID header LumoFlow set: one per outbox email, the same on every copy of it.</summary>
        public string? MessageId => Headers?.GetValueOrDefault("message-id")?.ToString();

        public bool IsTo(string address) => To.Any(a => string.Equals(a.Value, address, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<IReadOnlyList<Message>> AllAsync() =>
        await _http.GetFromJsonAsync<List<Message>>("api/email") ?? [];

    /// <summary>Waits until at least <paramref name="count"/> emails match, then returns them all.</summary>
    public async Task<IReadOnlyList<Message>> WaitForAsync(Func<Message, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = (await AllAsync()).Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline) return found;
            await Task.Delay(100);
        }
    }

    public void Dispose() => _http.Dispose();
}
