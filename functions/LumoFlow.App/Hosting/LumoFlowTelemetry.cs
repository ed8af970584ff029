using System.Diagnostics;
using System.Diagnostics.Metrics;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Overview;

namespace LumoFlow.App.Hosting;

/// <summary>
/// LumoFlow's own traces and metrics: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="Name"/>, with instruments whose names are stable (alert rules in infra/main.bicep query them).
/// <para><b>No personal data.</b> A tag's value comes only from a closed set: an email's or event's kind, an outcome, a
/// finding code, a team id (routing.json's, not a person). Never a name, identity code, address, email address, free
/// text, case id or a partner link's token. <c>TelemetryTests</c> runs a whole case and looks for its personal data in
/// every span and metric point.</para>
/// <para>The orchestration itself records nothing (it must replay deterministically): the intake, the event gate, the
/// activities and the daily jobs do. Nothing here is exported unless a host turns telemetry on
/// (<see cref="TelemetrySetup"/>).</para>
/// </summary>
public static class LumoFlowTelemetry
{
    public const string Name = "LumoFlow";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Notifications taken in; tags <c>lumoflow.registered_by</c> (<c>notifier</c>, <c>staff</c>), <c>lumoflow.outcome</c>.</summary>
    public static readonly Counter<long> NotificationsReceived = Meter.CreateCounter<long>(
        "lumoflow.notifications.received", "{notification}", "Notifications taken in (a retry with the same Idempotency-Key counts as replayed)");

    /// <summary>Escalation emails sent to a team lead or on-call; tag <c>lumoflow.email.kind</c>.</summary>
    public static readonly Counter<long> EscalationsSent = Meter.CreateCounter<long>(
        "lumoflow.escalations.sent", "{email}", "Escalations and urgent alerts sent to a team lead or on-call");

    /// <summary>Failed attempts to send an email (each is retried); tag <c>lumoflow.email.kind</c>.</summary>
    public static readonly Counter<long> EmailFailures = Meter.CreateCounter<long>(
        "lumoflow.email.failures", "{attempt}", "Failed attempts to send an email; each is retried");

    /// <summary>What each run of the daily deadline check found; tag <c>lumoflow.finding</c> (every code, 0 included).</summary>
    public static readonly Counter<long> DeadlineCheckFindings = Meter.CreateCounter<long>(
        "lumoflow.deadline_check.findings", "{finding}", "Findings of the daily deadline check, by finding code");

    /// <summary>Activities that threw (Durable retries them; the orchestration fails when the retries run out); tag <c>lumoflow.activity</c>.</summary>
    public static readonly Counter<long> ActivityFailures = Meter.CreateCounter<long>(
        "lumoflow.activities.failed", "{attempt}", "Activity attempts that failed");

    private static CaseGaugeValues _gauges = CaseGaugeValues.None;

    static LumoFlowTelemetry()
    {
        Meter.CreateObservableGauge("lumoflow.cases.overdue", () => _gauges.Observe(g => g.Overdue),
            "{case}", "Open cases past their decision or assessment deadline, as last measured");
        Meter.CreateObservableGauge("lumoflow.urgency.unassessed.age", () => _gauges.Observe(g => g.OldestUnassessedHours),
            "h", "Hours since receipt of the oldest open case whose urgency is not assessed (0: none)");
        Meter.CreateObservableGauge("lumoflow.urgency.unassessed", () => _gauges.Observe(g => g.Unassessed),
            "{case}", "Open cases whose urgency is not assessed");
        Meter.CreateObservableGauge("lumoflow.orchestrations.failed", () => _gauges.Observe(g => g.FailedOrchestrations),
            "{orchestration}", "Case orchestrations the engine holds as failed, as last measured");
    }

    /// <summary>The gauges' values from now on (<see cref="Checks.CaseGauges"/> measures them).</summary>
    public static void SetGauges(CaseGaugeValues values) => _gauges = values;

    public const string RegisteredByTag = "lumoflow.registered_by";
    public const string OutcomeTag = "lumoflow.outcome";
    public const string EmailKindTag = "lumoflow.email.kind";
    public const string EventTag = "lumoflow.event";
    public const string FindingTag = "lumoflow.finding";
    public const string ActivityTag = "lumoflow.activity";
    public const string TeamTag = "lumoflow.team";
    public const string ChildrenTag = "lumoflow.children";

    /// <summary>The email kinds that escalate: to a team lead or on-call, because something was not done in time or is urgent.</summary>
    public static bool IsEscalation(string kind) =>
        kind.EndsWith("Escalation", StringComparison.Ordinal) || kind is "Urgent" or nameof(StaffNotice.UrgencyOnCall) or OnCallSummary.Kind;

    /// <summary>An email kind as a tag: one of the closed set (<see cref="EmailKinds.All"/>, the deadline check's), else <c>other</c>.</summary>
    public static string EmailKind(string kind) => EmailKinds.All.Contains(kind) || kind == "DeadlineCheck" ? kind : "other";

    /// <summary>A finding code as a tag: one of <see cref="DailyCheck.Codes"/>, else <c>other</c>.</summary>
    public static string FindingCode(string code) => DailyCheck.Codes.Contains(code) ? code : "other";

    /// <summary>A span for one step of LumoFlow's work (null when nobody listens); its tags are set by the caller.</summary>
    public static Activity? Start(string name, ActivityKind kind = ActivityKind.Internal) => Source.StartActivity(name, kind);

    /// <summary>
    /// One run of a Durable activity (<c>RecordCase</c>, <c>SendEmail</c>, <c>LinkChildren</c>) as a span named after it;
    /// a run that throws is counted in <see cref="ActivityFailures"/> (Durable retries it).
    /// </summary>
    public static async Task<T> ActivityAsync<T>(string name, Func<Activity?, Task<T>> run)
    {
        using var span = Source.StartActivity("lumoflow.activity " + name);
        span?.SetTag(ActivityTag, name);
        try
        {
            return await run(span);
        }
        catch (Exception e)
        {
            ActivityFailures.Add(1, new KeyValuePair<string, object?>(ActivityTag, name));
            Failed(span, e);
            throw;
        }
    }

    /// <summary>Marks <paramref name="activity"/> failed with the exception's type only (its message may hold anything).</summary>
    public static void Failed(Activity? activity, Exception e)
    {
        activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        activity?.SetTag("error.type", e.GetType().FullName);
    }
}

/// <summary>What the gauges show, as last measured by <see cref="Checks.CaseGauges"/>; <see cref="None"/> before the first measurement.</summary>
public sealed record CaseGaugeValues(long Overdue, long Unassessed, double OldestUnassessedHours, long FailedOrchestrations)
{
    public static readonly CaseGaugeValues None = new(0, 0, 0, 0) { Measured = false };

    public bool Measured { get; init; } = true;

    /// <summary>Nothing before the first measurement (a new instance has not looked yet: no false zero).</summary>
    internal IEnumerable<Measurement<T>> Observe<T>(Func<CaseGaugeValues, T> value) where T : struct =>
        Measured ? [new Measurement<T>(value(this))] : [];
}
