using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LumoFlow.Benchmarks;

/// <summary>What notifiers, staff and partners do to LumoFlow, over HTTP: submit, raise an event, answer, read the status.</summary>
public static partial class LumoFlowDriver
{
    /// <summary>POST /api/notifications; the answer must be 202. Returns the case id.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/api/notifications", content);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"intake answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>POST /api/cases/{id}/events/{name}; the answer must be 202.</summary>
    public static async Task RaiseAsync(HttpClient staff, string id, string eventName, object body)
    {
        using var response = await staff.PostAsJsonAsync($"/api/cases/{id}/events/{eventName}", body);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"{eventName} on {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>GET /api/cases/{id}, as staff read it.</summary>
    public static async Task<JsonObject> StatusAsync(HttpClient staff, string id) =>
        await staff.GetFromJsonAsync<JsonObject>($"/api/cases/{id}") ?? throw new InvalidOperationException($"No status for {id}.");

    /// <summary>The partner opens the emailed single-use link and answers the form.</summary>
    public static async Task AnswerPartnerAsync(BenchApp app, string id, string partnerEmail)
    {
        var email = app.Emails.Sent.Select(s => s.Email).LastOrDefault(e => e.To == partnerEmail && e.Kind == "PartnerRequest")
                    ?? throw new InvalidOperationException($"No partner request was sent for {id}.");
        var link = new Uri(PartnerLink().Match(email.TextBody).Value);
        using var response = await app.Http().PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["answer"] = "Lapsi on ollut väsynyt ja poissa useita päiviä.",
            ["respondentName"] = "Rehtori",
        }));
        if (response.StatusCode != HttpStatusCode.OK || !(await response.Content.ReadAsStringAsync()).Contains("Kiitos"))
            throw new InvalidOperationException($"The partner's answer to {id} was not taken ({(int)response.StatusCode}).");
    }

    [GeneratedRegex(@"https://lumoflow\.bench/partner-input/\S+")]
    private static partial Regex PartnerLink();
}
