using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Routing;

namespace LumoFlow.Domain.Workflow;

/// <summary>Something that happens to a case. The workflow decides what follows (<see cref="CaseWorkflow"/>).</summary>
public abstract record CaseEvent
{
    /// <summary>Who caused the event: <c>notifier</c>, <c>system</c>, <c>partner</c>, or a staff identity.</summary>
    public string Actor { get; init; } = "system";
}

/// <summary>
/// The notification arrived (vireilletulo): the case opens. Intake has routed it and computed the keys under which its
/// children are indexed (<paramref name="ChildKeys"/>); looking up their open cases is I/O, done right after
/// (<see cref="ChildIndexChecked"/>), so that accepting a notification costs as little as possible.
/// </summary>
/// <param name="ReceivedAt">When the notification was received: the case opens then, and the deadlines count from it.</param>
/// <param name="RegisteredBy">
/// The staff member who registered afterwards a notification received by phone or in person; null when the notifier
/// submitted it themselves.
/// </param>
public sealed record NotificationReceived(
    Notification Notification,
    Team Team,
    IReadOnlyList<string> ChildKeys,
    DateTimeOffset ReceivedAt,
    string? RegisteredBy = null) : CaseEvent
{
    /// <summary>
    /// Which of the notification's children this case concerns (LSL §§ 26, 27, 29: a case concerns one child): the
    /// index into <see cref="Notification.Children"/>. A notification about siblings opens a case for each.
    /// </summary>
    public int ChildNumber { get; init; }

    /// <summary>The cases the notification opened, one per child in the order of its children; this one among them.</summary>
    public IReadOnlyList<string> FamilyCaseIds { get; init; } = [];

    /// <summary>What intake kept as given but flagged for staff to check (<c>path: code</c>, e.g. a malformed identity code).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}

/// <summary>The engine looked the case's children up in the child index: these other cases of theirs are open.</summary>
public sealed record ChildIndexChecked(IReadOnlyList<string> OpenCaseIds) : CaseEvent;

/// <summary>A durable timer set earlier by the workflow came due.</summary>
public sealed record TimerFired(string TimerName) : CaseEvent;

/// <summary>An administrator stopped the case (Durable Functions' terminate).</summary>
public sealed record CaseTerminated(string Reason) : CaseEvent;

/// <summary>A later notification about the same child opened case <paramref name="NewCaseId"/>: this case learns of it (THL: link, never drop).</summary>
public sealed record RelatedNotificationReceived(string NewCaseId) : CaseEvent;

/// <summary>
/// The daily deadline check (<see cref="Overview.DailyCheck"/>) found a timer of the case still pending past its time and
/// woke the case's orchestration: what came due fires first, and the history says the check did it.
/// </summary>
/// <param name="Overdue">The timer that should have fired, as the record had it.</param>
public sealed record WokenByCheck(string Overdue) : CaseEvent;

// ---- Events raised by staff (POST /api/cases/{id}/events/{name}) ----

/// <summary>LSL § 26(2): the possible urgent need was assessed at once.</summary>
public sealed record UrgencyAssessed(bool Urgent, string? Note) : CaseEvent
{
    /// <summary>
    /// The urgent measure taken, when one was (<see cref="UrgentMeasures"/>: urgent support, LSL § 37 b, or an urgent
    /// placement, § 38): client status begins with it (§ 27(2)).
    /// </summary>
    public string? Measure { get; init; }
}

/// <summary>The notifier was given feedback (THL practice). <paramref name="How"/>: phone, meeting, email or letter.</summary>
public sealed record NotifierContacted(string How, DateTimeOffset At, string? Note) : CaseEvent;

/// <summary>The notifier cannot be contacted (anonymous, no contact details): the reason is recorded.</summary>
public sealed record NotifierContactImpossible(string Reason) : CaseEvent;

/// <summary>LSL § 26(5): a service-need assessment is started, or it is obviously unnecessary.</summary>
public sealed record DecisionMade(bool StartAssessment, string Reason) : CaseEvent;

/// <summary>THL: the child and guardians were told a notification was received and what follows — everyone, together.</summary>
public sealed record ChildAndGuardiansInformed(DateTimeOffset At, string How) : CaseEvent;

/// <summary>
/// THL, LSL § 27(3): one member of the family — the child, or one guardian (separated parents are told separately) —
/// was told of the notification, or of client status. <paramref name="Who"/>: <c>child</c> or <c>guardian</c>.
/// </summary>
public sealed record FamilyMemberInformed(string Who, string? Name, DateTimeOffset At, string How) : CaseEvent;

/// <summary>
/// One member of the family is not told, for a lawful reason: e.g. telling would endanger the child (asiakaslaki
/// 812/2000 § 11).
/// </summary>
public sealed record FamilyMemberNotInformed(string Who, string? Name, string Reason) : CaseEvent;

/// <summary>LSL § 27: client status begins — by an urgent measure, support given before the assessment, or the assessment.</summary>
public sealed record ClientStatusStarted(string Reason, DateTimeOffset At) : CaseEvent;

/// <summary>
/// A new notification about a child whose assessment is under way (<paramref name="CaseId"/>, a linked case) is taken
/// into that assessment: this counts as this case's decision, on the day it is recorded.
/// </summary>
public sealed record HandledInOpenAssessment(string CaseId) : CaseEvent
{
    /// <summary>
    /// Whether <see cref="CaseId"/> is an assessment under way (its phase <c>Assessing</c> or <c>ReadyToClose</c>): the
    /// host looks, as the workflow reads no other case.
    /// </summary>
    public bool IsOpenAssessment { get; init; }
}

/// <summary>The open assessment of <c>HandledInOpenAssessment</c> learns that case <paramref name="NewCaseId"/> was taken into it.</summary>
public sealed record NotificationTakenIntoAssessment(string NewCaseId) : CaseEvent;

/// <summary>The partner asked to take part (SHL § 41).</summary>
public sealed record Partner(string Kind, string Organisation, string? Name, string Email, string? Language);

/// <summary>
/// SHL § 41: a partner is asked for input. <paramref name="Secret"/> makes the partner's single-use link unguessable;
/// the host draws it at random, since the workflow does no I/O (see <see cref="PartnerToken"/>).
/// </summary>
public sealed record PartnerInputRequested(Partner Partner, string Question, string Secret) : CaseEvent;

/// <summary>A requested partner's input is no longer needed; the reason is recorded.</summary>
public sealed record PartnerInputWaived(string PartnerRequestId, string Reason) : CaseEvent;

/// <summary>The partner answered through the link.</summary>
public sealed record PartnerInputReceived(string PartnerRequestId, string Secret, string Answer, string? RespondentName) : CaseEvent;

/// <summary>LSL § 29, SHL § 42: the child was met in person.</summary>
public sealed record ChildMet(DateTimeOffset At, string How, string? Note) : CaseEvent;

/// <summary>The child was not met; the reason is recorded.</summary>
public sealed record ChildNotMet(string Reason) : CaseEvent;

/// <summary>SHL § 36(4): the child's own views.</summary>
public sealed record ChildViewsRecorded(string Note) : CaseEvent;

/// <summary>The guardians were heard.</summary>
public sealed record GuardiansHeard(string Note) : CaseEvent;

/// <summary>LSL § 25(3): an offence against the child is suspected (later than intake).</summary>
public sealed record OffenceSuspected(string? Note) : CaseEvent;

/// <summary>LSL § 25(3): the report to the police was filed.</summary>
public sealed record PoliceReportFiled(DateTimeOffset At) : CaseEvent
{
    /// <summary>The police's reference of the report, when known (kept as a document).</summary>
    public string? Reference { get; init; }
}

/// <summary>
/// LSL § 25(3): the police know already — the notifier (whose own duty it is) or the police themselves informed them.
/// <paramref name="By"/>: <c>notifier</c> or <c>police</c>.
/// </summary>
public sealed record PoliceAlreadyInformed(string By, string? Reference) : CaseEvent;

/// <summary>The case moves to another team and/or social worker (an email address).</summary>
public sealed record Reassigned(string? Team, string? Worker) : CaseEvent;

/// <summary>
/// LSL § 25 d: the child moved to another region, which was told; the new region continues the assessment. The case ends
/// as transferred once the documents are sent (<see cref="TransferDocumentsSent"/>).
/// </summary>
public sealed record TransferredOut(string Region, DateTimeOffset At) : CaseEvent;

/// <summary>LSL § 25 d: the documents the new region needs were sent to it, without delay.</summary>
public sealed record TransferDocumentsSent(string To, DateTimeOffset At, string Documents) : CaseEvent;

/// <summary>SHL § 37: what the assessment's summary must contain.</summary>
public sealed record AssessmentSummary(
    string SituationAndServiceNeeds,
    string ConclusionOnClientStatus,
    string ClientView,
    string ChildView,
    bool NamedWorkerNeeded);

/// <summary>The service-need assessment is complete. <paramref name="Outcome"/>: childWelfareClient, socialWelfareServices or noFurtherServices.</summary>
public sealed record AssessmentCompleted(string Outcome, AssessmentSummary Summary) : CaseEvent;

/// <summary>
/// LSL § 25 c(3): the child of a pre-birth notification was born; the child-welfare deadlines count from the birth —
/// <see cref="BornOn"/>, or the date the identity code gives — not from the day it is recorded.
/// </summary>
public sealed record ChildBorn(string IdentityCode) : CaseEvent
{
    /// <summary>The day of birth; optional, as the identity code gives it (and is checked against it).</summary>
    public DateOnly? BornOn { get; init; }

    /// <summary>The child's key in the child index (a keyed hash the host computes), so that the child's other cases are linked.</summary>
    public string? ChildKey { get; init; }
}

/// <summary>
/// What staff found out about who the child is, when the notifier did not know it: the identity code (the child's key
/// in the child index, <paramref name="ChildKey"/>, computed by the host, links the child's other open cases), the
/// date of birth, and the home municipality, which routes the case to its team (LSL § 25 b: the notification and its
/// contents are registered as far as they are known).
/// </summary>
public sealed record ChildIdentified(string? IdentityCode, DateOnly? DateOfBirth, string? HomeMunicipality, string? ChildKey = null) : CaseEvent;

/// <summary>A pre-birth case is closed without the child-welfare process (e.g. support arranged otherwise).</summary>
public sealed record PreBirthCaseClosed(string Reason) : CaseEvent;
