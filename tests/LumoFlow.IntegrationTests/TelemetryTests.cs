using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.App.Checks;
using LumoFlow.App.Hosting;
using LumoFlow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Issue 22, Telemetry: LumoFlow's traces and metrics, with the app's own instrumentation
/// (<see cref="TelemetrySetup.AddLumoFlowInstrumentation(TracerProviderBuilder)"/>) and OpenTelemetry's in-memory
/// exporter, through a whole case: a notification with names, an identity code, addresses, phone numbers and a concern
/// no other test uses, staff events with notes, a partner's request and answer through the partner link, the daily
/// check, the gauges; and an email that fails. No span name, tag, event, status or metric tag holds any of it, nor the
/// link's secret, nor a case id (requests carry their route's template as their path, outgoing calls no table keys);
/// and every instrument the alerts read was recorded.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class TelemetryTests(DevServices services)
{
    [Fact]
    public async Task A_whole_case_leaves_no_personal_data_in_any_span_or_metric_and_records_every_instrument()
    {
        var spans = new Exported<Activity>();
        var metrics = new Exported<MetricSnapshot>();
        await using var app = new LumoFlowApp(services, configure: host => host.ConfigureServices(s => s.AddOpenTelemetry()
            .WithTracing(t => t.AddLumoFlowInstrumentation().AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddLumoFlowInstrumentation().AddInMemoryExporter(metrics))));
        var staff = app.StaffClient();
        var personal = new Personal();

        // Received 30 days ago: urgency unassessed and the decision overdue, so the escalations go at once.
        var notification = personal.Notification();
        var id = (string)(await app.RegisterAsync(notification, DateTimeOffset.UtcNow.AddDays(-30)))["id"]!;
        personal.CaseIds.Add(id); // not personal data, but an id of a child's case: only in logs, never in telemetry
        await UntilAsync(app, metrics, "lumoflow.escalations.sent");
        var gauges = await app.Services.GetRequiredService<CaseGauges>().MeasureAsync(app.Durable, CancellationToken.None);
        Assert.True(gauges.Overdue >= 1 && gauges.Unassessed >= 1 && gauges.OldestUnassessedHours >= 24 * 29, gauges.ToString());
        Flush(app);
        Assert.Contains(metrics, m => m.Name == "lumoflow.cases.overdue" && m.MetricPoints.Any(p => p.GetGaugeLastValueLong() >= 1));
        Assert.Contains(metrics, m => m.Name == "lumoflow.urgency.unassessed.age" && m.MetricPoints.Any(p => p.GetGaugeLastValueDouble() >= 24 * 29));

        // The daily check finds what is wrong with the case (before its urgency is recorded: urgencyUnassessed).
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/admin/checks/deadlines", null)).StatusCode);

        await app.AssessUrgencyAsync(id);
        await Cases.AcceptAsync(staff, id, "DecisionMade", new { startAssessment = true, reason = personal.DecisionReason });
        await Cases.AcceptAsync(staff, id, "PartnerInputRequested", new
        {
            partner = new { kind = "school", organisation = personal.PartnerOrganisation, email = personal.PartnerEmail },
            question = personal.Question,
        });
        var link = new Uri(LinkPattern().Match(Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(personal.PartnerEmail))).Text).Value);
        var secret = link.AbsolutePath["/partner-input/".Length..].Split('.')[2];
        var partner = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(link.PathAndQuery)).StatusCode);
        var answered = await partner.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["answer"] = personal.Answer }));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "PartnerInputReceived"));
        await Cases.AcceptAsync(staff, id, "ChildMet", new { how = "home visit", note = personal.Note });
        await app.WaitForStatusAsync(id, s => Cases.HasEvent(s, "ChildMet"));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/cases/{id}?showHistory=true")).StatusCode);

        // An email that cannot be sent: a second app whose mail server is not there.
        await using (var broken = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:Email:SmtpPort"] = ClosedPort() }))
        {
            var brokenCase = (string)(await broken.RegisterAsync(personal.Notification(), DateTimeOffset.UtcNow.AddMinutes(-5)))["id"]!;
            personal.CaseIds.Add(brokenCase);
            await UntilAsync(app, metrics, "lumoflow.email.failures");
        }
        await app.Services.GetRequiredService<CaseGauges>().MeasureAsync(app.Durable, CancellationToken.None);
        Flush(app);
        await app.DisposeAsync(); // nothing is exported any more while the lists are read

        // Every instrument the alerts and the dashboards read was recorded.
        var names = metrics.Select(m => m.Name).ToHashSet();
        foreach (var instrument in new[]
        {
            "lumoflow.notifications.received", "lumoflow.urgency.unassessed.age", "lumoflow.urgency.unassessed", "lumoflow.escalations.sent",
            "lumoflow.cases.overdue", "lumoflow.email.failures", "lumoflow.orchestrations.failed", "lumoflow.deadline_check.findings",
        })
            Assert.Contains(instrument, names);
        Assert.Contains(metrics, m => m.Name == "lumoflow.deadline_check.findings"
            && m.MetricPoints.Any(p => Tags(p).Contains("lumoflow.finding=urgencyUnassessed") && p.GetSumLong() >= 1));
        Assert.Contains(metrics, m => m.Name == "lumoflow.escalations.sent" && m.MetricPoints.Any(p => Tags(p).Contains("lumoflow.email.kind=UrgencyOnCall")));
        // Traces of intake, events and activities; the partner's request with its secret cut out of the path.
        var spanNames = spans.Select(s => s.DisplayName).ToHashSet();
        foreach (var span in new[] { "lumoflow.intake", "lumoflow.event", "lumoflow.activity RecordCase", "lumoflow.activity SendEmail", "lumoflow.email.send",
                     "lumoflow.deadline_check" })
            Assert.Contains(span, spanNames);
        Assert.Contains(spans, s => s.GetTagItem("lumoflow.event") as string == "PartnerInputReceived");
        Assert.Contains(spans, s => s.GetTagItem("url.path") as string == "/partner-input/{token}"); // the route's template
        Assert.Contains(spans, s => s.GetTagItem("url.path") as string == "/api/cases/{id}/events/{eventName}");

        var exported = Texts(spans, metrics);
        foreach (var value in personal.Values.Append(secret))
        {
            var found = exported.FirstOrDefault(t => t.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(found is null, $"'{value}' is in the telemetry: {found}");
        }
    }

    /// <summary>Every text the exporters were given: span names, tags, events, links, statuses; metric names and point tags.</summary>
    private static List<string> Texts(IEnumerable<Activity> spans, IEnumerable<MetricSnapshot> metrics)
    {
        var texts = new List<string>();
        foreach (var span in spans)
        {
            texts.Add($"span {span.Source.Name} {span.OperationName} {span.DisplayName} {span.StatusDescription}");
            texts.AddRange(span.TagObjects.Select(t => $"span {span.DisplayName} {t.Key}={t.Value}"));
            texts.AddRange(span.Baggage.Select(b => $"baggage {b.Key}={b.Value}"));
            foreach (var e in span.Events)
                texts.Add($"event {e.Name} {string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}"))}");
            foreach (var l in span.Links)
                texts.Add($"link {string.Join(" ", l.Tags?.Select(t => $"{t.Key}={t.Value}") ?? [])}");
        }
        foreach (var metric in metrics)
        {
            texts.Add($"metric {metric.MeterName} {metric.Name} {metric.Description} {metric.Unit}");
            texts.AddRange(metric.MetricPoints.Select(p => $"metric {metric.Name} {Tags(p)}"));
        }
        return texts;
    }

    private static string Tags(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (var tag in point.Tags) tags.Add($"{tag.Key}={tag.Value}");
        return string.Join(" ", tags);
    }

    private static void Flush(LumoFlowApp app)
    {
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>Flushes the metrics until <paramref name="instrument"/> has been recorded (30 s at most).</summary>
    private static async Task UntilAsync(LumoFlowApp app, Exported<MetricSnapshot> metrics, string instrument)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            Flush(app);
            if (metrics.Any(m => m.Name == instrument)) return;
            await Task.Delay(100);
        }
        Assert.Fail($"{instrument} was not recorded");
    }

    private static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What an exporter was given; it adds from its own threads while the test reads.</summary>
    private sealed class Exported<T> : ICollection<T>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<T> _items = new();
        public int Count => _items.Count;
        public bool IsReadOnly => false;
        public void Add(T item) => _items.Enqueue(item);
        public void Clear() => _items.Clear();
        public bool Contains(T item) => _items.Contains(item);
        public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
        public bool Remove(T item) => throw new NotSupportedException();
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items.ToArray()).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [GeneratedRegex(@"https://lumoflow\.test/partner-input/\S+")]
    private static partial Regex LinkPattern();

    /// <summary>The case's personal data: values no other test uses, so that any of them found in the telemetry came from here.</summary>
    private sealed class Personal
    {
        private readonly string _tag = Guid.NewGuid().ToString("N")[..6];
        public string ChildFirst => $"Quillimina{_tag}";
        public string ChildLast => "Zarkovskaja";
        public string IdentityCode { get; } = Sample.IdentityCode();
        public string NotifierFirst => $"Ottilia{_tag}";
        public string NotifierLast => "Brummelvaara";
        public string NotifierEmail { get; } = Sample.UniqueEmail("ottilia.brummelvaara");
        public string NotifierPhone => "+358 40 918 2736";
        public string GuardianName => $"Hjalmarin{_tag} Vöyrysmaa";
        public string GuardianPhone => "+358 50 271 8281";
        public string Whereabouts => $"Kvartsikuja {_tag} B 9";
        public string Concern => $"Zebrakuvioinen huoli {_tag}: lapsi odottaa iltaisin rappukäytävässä yksin.";
        public string DecisionReason => $"Päätösperuste-{_tag} vaatii selvittämistä.";
        public string PartnerOrganisation => $"Ruusulaakson{_tag} koulu";
        public string PartnerEmail { get; } = Sample.UniqueEmail("ruusulaakso-rehtori");
        public string Question => $"Kysymys-{_tag}: miten lapsi jaksaa koulussa?";
        public string Answer => $"Vastaus-{_tag}: väsyneenä aamuisin.";
        public string Note => $"Tapaamismuistio-{_tag} kotikäynniltä.";
        public List<string> CaseIds { get; } = [];

        public JsonObject Notification()
        {
            var n = Sample.Notification(IdentityCode, NotifierEmail);
            n["notifier"]!["name"] = $"{NotifierFirst} {NotifierLast}";
            n["notifier"]!["phone"] = NotifierPhone;
            n["children"]![0]!["name"] = $"{ChildFirst} {ChildLast}";
            n["children"]![0]!["whereabouts"] = Whereabouts;
            n["guardians"] = new JsonArray(new JsonObject { ["name"] = GuardianName, ["phone"] = GuardianPhone });
            n["concern"] = Concern;
            return n;
        }

        public IEnumerable<string> Values =>
        [
            ChildFirst, ChildLast, IdentityCode, NotifierFirst, NotifierLast, NotifierEmail, NotifierPhone, NotifierPhone.Replace(" ", ""),
            GuardianName, GuardianName.Split(' ')[1], GuardianPhone, Whereabouts, Concern, Concern[..30], DecisionReason, PartnerOrganisation,
            PartnerEmail, Question, Answer, Note, "@example.test", .. CaseIds,
        ];
    }
}
