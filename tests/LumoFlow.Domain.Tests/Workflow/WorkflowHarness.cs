using System.Globalization;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>An email as the fake clock saw it go out: <see cref="On"/> is its Helsinki date.</summary>
internal sealed record SentEmail(Email Email, DateTimeOffset At)
{
    public DateOnly On => HelsinkiTime.LocalDate(At);

    /// <summary>"2026-04-08 NotifierContactReminder -> worker.north@lumoflow.test": what the lifecycle tests compare.</summary>
    public override string ToString() => $"{On:yyyy-MM-dd} {Email.Kind} -> {Email.To}";
}

/// <summary>A timer the simulated engine fired, and when.</summary>
internal sealed record FiredTimer(string Name, DateTimeOffset At);

/// <summary>
/// Test helper (not production code): the pure <see cref="CaseWorkflow"/> driven by a tiny in-memory engine on a
/// fake clock. It keeps the case state, the pending timers (set adds or replaces by name, cancel removes), every
/// email with the instant it went out, and every timer it fired. <see cref="Raise"/> first fires whatever timers
/// are due before the event — as the real engine would have — so a test only says when staff act.
/// </summary>
internal sealed class WorkflowHarness
{
    public const string CaseId = "LF-2026-000123";
    public const string BaseUrl = "https://lumoflow.test";

    // ---- Two teams: "intake" (the default) and "north", which Kuopio routes to. ----
    public static readonly Team Intake = new("intake", "Intake", "oncall.intake@lumoflow.test", "worker.intake@lumoflow.test", "lead.intake@lumoflow.test");
    public static readonly Team North = new("north", "North (Kuopio)", "oncall.north@lumoflow.test", "worker.north@lumoflow.test", "lead.north@lumoflow.test");

    public static RoutingTable Routing { get; } =
        new(Intake, [North], new Dictionary<string, string> { ["Kuopio"] = North.Id });

    // ---- Personal data in the notification: none of it may ever appear in an email (docs/domain.md, Data protection). ----
    public const string ChildName = "Aino Esimerkki";
    public const string ChildIdentityCode = "150315A123X"; // 15.3.2015, individual number 123, check character X
    public const string NewbornIdentityCode = "200326A456R"; // 20.3.2026, for ChildBorn
    public const string Concern = "Aino says nobody has been at home at night for a week and she has not eaten.";
    public const string GuardianName = "Pekka Esimerkki";
    /// <summary>Where a neighbour saw the child, when that is all they know besides the first name.</summary>
    public const string ChildWhereabouts = "Kalevankatu 7, the yellow house";
    /// <summary>A staff note, partner question or answer: kept as a document, never emailed.</summary>
    public const string ConfidentialNote = "Aino Esimerkki (150315A123X) showed the bruises to the nurse.";

    /// <summary>What must never appear in an email subject or body.</summary>
    public static readonly string[] PersonalData =
        [ChildName, "Aino", "Esimerkki", ChildIdentityCode, NewbornIdentityCode, Concern, "nobody has been at home", GuardianName, ConfidentialNote, "bruises",
         ChildWhereabouts, "Kalevankatu"];

    public const string NotifierEmail = "nurse@clinic.test";
    public const string PartnerEmail = "teacher@school.test";
    public const string PartnerSecret = "f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed";

    public static readonly Partner School = new("school", "Kuopio primary school", "Teacher Teppo", PartnerEmail, "fi");

    public static CaseWorkflow NewWorkflow() =>
        new(new DeadlineRules(WorkingDayCalendar.Default), WorkingDayCalendar.Default, Routing, new WorkflowOptions(BaseUrl));

    /// <summary>A valid notification: a duty-bound professional with an email address, one child in Kuopio.</summary>
    public static Notification ValidNotification(bool offenceSuspected = false, bool immediateDanger = false) => new()
    {
        Kind = NotificationKinds.ChildWelfare,
        Notifier = new Notifier
        {
            Type = NotifierTypes.Professional,
            Name = "Tuula Terveydenhoitaja",
            Profession = "public health nurse",
            Organisation = "Kuopio child health clinic",
            Phone = "+358 40 123 4567",
            Email = NotifierEmail,
            Language = "fi",
        },
        Children = [new Child { Name = ChildName, IdentityCode = ChildIdentityCode, HomeMunicipality = "Kuopio", Language = "fi" }],
        Guardians = [new Guardian { Name = GuardianName, Phone = "+358 40 765 4321" }],
        Concern = Concern,
        Reasons = ["neglect"],
        ImmediateDanger = immediateDanger,
        OffenceSuspected = offenceSuspected,
        FamilyInformed = false,
        FirstHandKnowledge = true,
    };

    /// <summary>LSL § 25 c: a pre-birth notification by a professional (the child has no identity code yet).</summary>
    public static Notification PreBirthNotification() => ValidNotification() with
    {
        Kind = NotificationKinds.PreBirth,
        Children = [new Child { Name = ChildName, ExpectedBirthDate = new DateOnly(2026, 4, 1), HomeMunicipality = "Kuopio" }],
    };

    /// <summary>
    /// LSL § 25(2), § 26(1): a neighbour who knows only the child's first name and the street — no identity code, no birth
    /// date, no home municipality — and leaves an email address.
    /// </summary>
    public static Notification NeighbourNotification() => new()
    {
        Kind = NotificationKinds.ChildWelfare,
        Notifier = new Notifier { Type = NotifierTypes.Private, Name = "Naapuri Niina", Email = "niina@neighbour.test" },
        Children = [new Child { Name = "Aino", Whereabouts = ChildWhereabouts }],
        Concern = Concern,
    };

    /// <summary>LSL § 25(2): a private person who asks to stay anonymous and gives no contact details.</summary>
    public static Notification AnonymousPrivateNotification() => ValidNotification() with
    {
        Notifier = new Notifier { Type = NotifierTypes.Private, Anonymous = true },
    };

    /// <summary>A Helsinki wall-clock time, e.g. <c>At("2026-04-01 10:00")</c>.</summary>
    public static DateTimeOffset At(string helsinkiLocal)
    {
        var parts = helsinkiLocal.Split(' ');
        return HelsinkiTime.AtLocalTime(DateOnly.Parse(parts[0], CultureInfo.InvariantCulture), TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public static AssessmentSummary Summary { get; } = new(
        "Support at home is needed after school.", "Client status is warranted.", "The guardian agrees.", "The child wants help with homework.", NamedWorkerNeeded: true);

    private Domain.Workflow.PendingTimers _pending = Domain.Workflow.PendingTimers.None;
    private readonly List<SentEmail> _sent = [];
    private readonly List<FiredTimer> _fired = [];
    private readonly List<CaseDocument> _documents = [];
    private readonly List<HistoryEntry> _history = [];
    private CaseState? _state;

    /// <summary>A harness running the workflow with <paramref name="options"/> (default: the defaults, e.g. neutral feedback).</summary>
    public WorkflowHarness(WorkflowOptions? options = null) =>
        Workflow = options is null ? NewWorkflow()
            : new(new DeadlineRules(WorkingDayCalendar.Default), WorkingDayCalendar.Default, Routing, options);

    public CaseWorkflow Workflow { get; }
    public CaseState State => _state ?? throw new InvalidOperationException("Open the case first.");
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyDictionary<string, DurableTimer> PendingTimers => _pending.Timers.ToDictionary(t => t.Name);
    public IReadOnlyList<SentEmail> Sent => _sent;
    public IReadOnlyList<FiredTimer> Fired => _fired;
    public IReadOnlyList<CaseDocument> Documents => _documents;
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>Every email so far as "date kind -> recipient", sorted (by date first).</summary>
    public string[] EmailLog(Func<SentEmail, bool>? which = null) =>
        _sent.Where(which ?? (_ => true)).Select(e => e.ToString()).Order(StringComparer.Ordinal).ToArray();

    /// <summary>docs/domain.md, Data protection: emails carry a reference and a link, never the child's name, identity code or the concern.</summary>
    public void AssertEmailsCarryNoPersonalData()
    {
        foreach (var sent in _sent)
            foreach (var text in PersonalData)
            {
                Assert.DoesNotContain(text, sent.Email.Subject, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(text, sent.Email.TextBody, StringComparison.OrdinalIgnoreCase);
            }
    }

    /// <summary>
    /// The case opens at <paramref name="at"/>; it is routed by its child's home municipality. With
    /// <paramref name="receivedAt"/> staff register at <paramref name="at"/> a notification received then (by phone).
    /// A notification about siblings opens a case per child: <paramref name="childNumber"/> says which child this case
    /// concerns, <paramref name="familyCaseIds"/> the cases the notification opened, and <paramref name="caseId"/> this one's id.
    /// </summary>
    public WorkflowStep Open(DateTimeOffset at, Notification? notification = null, IReadOnlyList<string>? linkedCaseIds = null,
        DateTimeOffset? receivedAt = null, string? registeredBy = null, int childNumber = 0, IReadOnlyList<string>? familyCaseIds = null,
        IReadOnlyList<string>? flags = null, string caseId = CaseId)
    {
        if (_state is not null) throw new InvalidOperationException("Already open.");
        notification ??= ValidNotification();
        var team = Routing.Route(notification.Children?.ElementAtOrDefault(childNumber)?.HomeMunicipality);
        Now = at;
        var received = new NotificationReceived(notification, team, [], receivedAt ?? at, registeredBy)
        {
            Actor = registeredBy ?? "notifier", ChildNumber = childNumber, FamilyCaseIds = familyCaseIds ?? [], Flags = flags ?? [],
        };
        var step = Workflow.Open(caseId, received, at);
        Commit(step, at);
        // The engine links open cases of the same child right after opening (ChildIndexChecked).
        if (linkedCaseIds is { Count: > 0 })
            Commit((WorkflowStep)Workflow.Apply(State, new ChildIndexChecked(linkedCaseIds), at), at);
        return step;
    }

    /// <summary>Staff (or a partner) raise <paramref name="caseEvent"/> at <paramref name="at"/>; due timers fire first.</summary>
    public WorkflowOutcome Raise(CaseEvent caseEvent, DateTimeOffset at)
    {
        RunUntil(at);
        Now = at;
        var outcome = Workflow.Apply(State, caseEvent, at);
        if (outcome is WorkflowStep step) Commit(step, at);
        return outcome;
    }

    /// <summary><see cref="Raise"/>, and the event must have been accepted.</summary>
    public WorkflowStep Accept(CaseEvent caseEvent, DateTimeOffset at) => Raise(caseEvent, at) switch
    {
        WorkflowStep step => step,
        WorkflowRefusal refusal => throw new InvalidOperationException(
            $"{caseEvent.GetType().Name} was refused ({refusal.Kind}): {refusal.Reason} [{string.Join(", ", refusal.Missing.Select(m => m.Code))}]"),
        var other => throw new InvalidOperationException($"Unexpected outcome {other}"),
    };

    /// <summary><see cref="Raise"/>, and the event must have been refused.</summary>
    public WorkflowRefusal Refuse(CaseEvent caseEvent, DateTimeOffset at) =>
        Raise(caseEvent, at) as WorkflowRefusal ?? throw new InvalidOperationException($"{caseEvent.GetType().Name} was accepted.");

    /// <summary>
    /// Fires every timer due at or before <paramref name="until"/>, earliest first (ties by name), each at its own due
    /// time and after removing it — including timers that fired timers set — then moves the clock to <paramref name="until"/>.
    /// </summary>
    public void RunUntil(DateTimeOffset until)
    {
        for (var fired = 0; ; fired++)
        {
            if (fired > 10_000) throw new InvalidOperationException("Timers keep firing: a loop?");
            var next = _pending.DueAt(until);
            if (next is null) break;

            _pending = _pending.Without(next.Name);
            var at = next.DueAt > Now ? next.DueAt : Now; // a timer set in the past fires now, never earlier
            Now = at;
            _fired.Add(new FiredTimer(next.Name, at));
            var outcome = Workflow.Apply(State, new TimerFired(next.Name), at);
            Commit(outcome as WorkflowStep ?? throw new InvalidOperationException($"Timer {next.Name} was refused: {outcome}"), at);
        }
        if (until > Now) Now = until;
    }

    private void Commit(WorkflowStep step, DateTimeOffset at)
    {
        _state = step.State;
        _pending = _pending.After(step);
        _sent.AddRange(step.Emails.Select(e => new SentEmail(e, at)));
        _documents.AddRange(step.DocumentsToStore);
        _history.AddRange(step.History);
    }
}
