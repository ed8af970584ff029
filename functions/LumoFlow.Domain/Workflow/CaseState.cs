using LumoFlow.Domain.Deadlines;

namespace LumoFlow.Domain.Workflow;

/// <summary>Durable Functions' runtime status, kept so administrators used to it feel at home.</summary>
public enum RuntimeStatus { Running, Completed, Terminated }

/// <summary>Where the case stands in the process (docs/domain.md, "The process").</summary>
public enum CasePhase
{
    /// <summary>Pre-birth notification (LSL § 25 c): waiting for the birth before child-welfare deadlines apply.</summary>
    AwaitingBirth,
    /// <summary>Received; the decision whether to start a service-need assessment is due by the 7th working day.</summary>
    AwaitingDecision,
    /// <summary>The service-need assessment (palvelutarpeen arviointi) is under way.</summary>
    Assessing,
    /// <summary>Nothing blocks closing any more.</summary>
    ReadyToClose,
    /// <summary>
    /// Decided or completed — not to assess, the assessment complete, transferred, or taken into the child's open
    /// assessment — and finishing what the law still asks (<see cref="ClosingRules.ToFinish"/>): it ends by itself once
    /// that is done (<see cref="CaseState.PendingOutcome"/>).
    /// </summary>
    Closing,
    Closed,
}

/// <summary>
/// The case as the workflow sees it: everything the rules need, nothing they don't.
/// The child's and family's details stay in the stored notification; the workflow never needs them.
/// </summary>
public sealed record CaseState
{
    public required string CaseId { get; init; }
    public required string Kind { get; init; }
    public RuntimeStatus RuntimeStatus { get; init; } = RuntimeStatus.Running;
    public CasePhase Phase { get; init; } = CasePhase.AwaitingDecision;
    /// <summary>When the case record was created: at intake, or when staff registered a notification received earlier.</summary>
    public required DateTimeOffset CreatedTime { get; init; }
    /// <summary>When the notification was received (vireilletulo): the case is pending from then (LSL § 26).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset LastUpdatedTime { get; init; }
    /// <summary>Null only while a pre-birth case waits for the birth.</summary>
    public StatutoryDeadlines? Deadlines { get; init; }
    public required string TeamId { get; init; }
    public required NotifierContact Notifier { get; init; }
    /// <summary>The notifier said the child is in immediate danger (LSL § 26(2)).</summary>
    public bool ImmediateDanger { get; init; }
    /// <summary>An offence against the child is suspected: a police report is required (LSL § 25(3)).</summary>
    public bool OffenceSuspected { get; init; }
    /// <summary>Which child of the notification this case concerns (an index into its children).</summary>
    public int ChildNumber { get; init; }
    /// <summary>The cases the notification opened, one per child (this one among them): the family group.</summary>
    public IReadOnlyList<string> FamilyCaseIds { get; init; } = [];
    /// <summary>How many guardians the notification named: each of them is told (or the reason why not is recorded).</summary>
    public int GuardianCount { get; init; }
    /// <summary>The child's valid identity code is known (from the notification, <see cref="ChildIdentified"/> or <see cref="ChildBorn"/>).</summary>
    public bool ChildIdentified { get; init; }
    /// <summary>The routing table knows the child's home municipality; false while the case sits with the default team.</summary>
    public bool HomeMunicipalityConfirmed { get; init; } = true;
    /// <summary>What intake kept as given but flagged for staff to check (<c>path: code</c>).</summary>
    public IReadOnlyList<string> IntakeFlags { get; init; } = [];
    /// <summary>A red flag at intake (<see cref="UrgencySchedule.IsRedFlag"/>): on-call was told at once.</summary>
    public bool RedFlag { get; init; }
    /// <summary>Open cases of the same child when this notification arrived: linked, never dropped (THL).</summary>
    public IReadOnlyList<string> LinkedCaseIds { get; init; } = [];
    /// <summary>Child-index keys still to be looked up and registered (see <see cref="ChildIndexChecked"/>).</summary>
    public IReadOnlyList<string> PendingChildKeys { get; init; } = [];
    public bool DecisionOverdue { get; init; }
    public bool AssessmentOverdue { get; init; }
    public string? TerminationReason { get; init; }
    /// <summary>How many emails this case has queued; numbers outbox ids so they stay unique and stable.</summary>
    public int EmailsQueued { get; init; }
    /// <summary>How many documents (notes, answers, the summary) this case holds; numbers their ids.</summary>
    public int DocumentsStored { get; init; }

    /// <summary>The assigned social worker's address once named (<c>Reassigned</c>); until then the team's intake mailbox.</summary>
    public string? WorkerEmail { get; init; }
    /// <summary>LSL § 26(2): the immediate assessment of urgent need.</summary>
    public UrgencyAssessment? Urgency { get; init; }
    /// <summary>The product's promise: the notifier is contacted, or why not is recorded.</summary>
    public NotifierContactRecord? NotifierContactRecord { get; init; }
    /// <summary>LSL § 26(5): whether a service-need assessment is started.</summary>
    public DecisionRecord? Decision { get; init; }
    /// <summary>SHL § 36(3): when the service-need assessment was completed (<c>AssessmentCompleted</c>); THL's completion figure counts it.</summary>
    public DateTimeOffset? AssessmentCompletedAt { get; init; }
    /// <summary>
    /// THL: the child and every guardian are told within the 7 working days that a notification was received (or the
    /// lawful reason why one is not is recorded): when that was complete.
    /// </summary>
    public DateTimeOffset? FamilyInformedAt { get; init; }
    /// <summary>Who of the family was told, or not told and why (<see cref="FamilyMemberRecord"/>).</summary>
    public IReadOnlyList<FamilyMemberRecord> FamilyMembers { get; init; } = [];
    /// <summary>The family was not told by the end of <c>decisionDue</c>.</summary>
    public bool InformFamilyOverdue { get; init; }
    /// <summary>LSL § 29, SHL § 42: the child is met in person, or the reason why not is recorded.</summary>
    public ChildMeeting? ChildMeeting { get; init; }
    /// <summary>SHL § 36(4): the child's views are heard.</summary>
    public bool ChildViewsRecorded { get; init; }
    public bool GuardiansHeard { get; init; }
    /// <summary>LSL § 25(3): the police report filed when an offence against the child is suspected, or that the police knew.</summary>
    public PoliceReportRecord? PoliceReport { get; init; }
    /// <summary>LSL § 27: client status, once it has begun.</summary>
    public ClientStatusRecord? ClientStatus { get; init; }
    /// <summary>In <see cref="CasePhase.Closing"/>: how the case ends once what remains is done.</summary>
    public string? PendingOutcome { get; init; }
    /// <summary>LSL § 25 d: the move to another region, and the documents sent.</summary>
    public TransferRecord? Transfer { get; init; }
    /// <summary>The child's open assessment this case was taken into (<see cref="HandledInOpenAssessment"/>).</summary>
    public string? HandledInCaseId { get; init; }
    /// <summary>When the case ended (closed or terminated).</summary>
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>SHL § 41: partners asked to take part, and their answers.</summary>
    public IReadOnlyList<PartnerRequest> Partners { get; init; } = [];
    /// <summary>
    /// How the case ended: an assessment outcome, <c>noAssessment</c>, <c>transferred</c>, <c>handledInOpenAssessment</c>,
    /// <c>closedBeforeBirth</c> or <c>terminated</c> (<see cref="Outcomes.OfCase"/>).
    /// </summary>
    public string? Outcome { get; init; }
    /// <summary>LSL § 25 d: the region the child moved to.</summary>
    public string? TransferredTo { get; init; }

    public bool IsOpen => RuntimeStatus == RuntimeStatus.Running;

    /// <summary>
    /// No child yet: a pre-birth case before the birth (LSL § 25 c) — whatever its phase, a transfer's included. Only such
    /// a case has no deadlines.
    /// </summary>
    public bool Unborn => Deadlines is null;

    /// <summary>LSL § 25(3): an offence against the child is suspected and the police have not been told yet.</summary>
    public bool PoliceReportOpen => OffenceSuspected && PoliceReport is null;
}

/// <summary>
/// One member of the family told (<paramref name="Informed"/>) or not told and why (the reason is a document).
/// <paramref name="Who"/>: <c>child</c> or <c>guardian</c>; <paramref name="NameKey"/> tells guardians apart without
/// keeping their names in the state (a short hash of the name as given; <c>#…</c> when none was).
/// <paramref name="At"/>: when told, or when recorded as not told.
/// </summary>
public sealed record FamilyMemberRecord(string Who, string NameKey, bool Informed, DateTimeOffset At);

/// <summary>LSL § 25(3): the police report — filed by the social worker, or already known to the police (<paramref name="By"/>).</summary>
public sealed record PoliceReportRecord(bool Filed, DateTimeOffset At, string? By);

/// <summary>LSL § 27: when client status began, and why (<see cref="ClientStatusReasons"/>).</summary>
public sealed record ClientStatusRecord(string Reason, DateTimeOffset At, string Actor);

/// <summary>LSL § 25 d: the region the child moved to, when that was recorded, and when the documents went.</summary>
public sealed record TransferRecord(string Region, DateTimeOffset At, DateTimeOffset RecordedAt, DateTimeOffset? DocumentsSentAt = null);

public sealed record UrgencyAssessment(bool Urgent, DateTimeOffset At, string Actor);

public sealed record NotifierContactRecord(bool Contacted, string? How, DateTimeOffset At, string? ImpossibleReason);

public sealed record DecisionRecord(bool StartAssessment, DateTimeOffset At, string Actor);

public sealed record ChildMeeting(bool Met, DateTimeOffset? At, string? How, string? ReasonNotMet);

public enum PartnerRequestStatus { Requested, Answered, Waived }

/// <summary>
/// A request to a partner (school, day care, health care, …) to take part in the assessment (SHL § 41).
/// The partner answers through a single-use link; <see cref="Secret"/> is its unguessable part, kept so reminders can repeat the link.
/// </summary>
public sealed record PartnerRequest(
    string Id,
    string Kind,
    string Organisation,
    string? Name,
    string Email,
    string Language,
    DateTimeOffset RequestedAt,
    DateOnly RequestedOn,
    string Secret,
    DateTimeOffset ExpiresAt,
    PartnerRequestStatus Status = PartnerRequestStatus.Requested,
    int RemindersSent = 0,
    DateTimeOffset? ClosedAt = null,
    string? WaivedReason = null)
{
    /// <summary>The last Helsinki day the link is valid (it expires when the next day begins).</summary>
    public DateOnly AnswerBy => Calendar.HelsinkiTime.LocalDate(ExpiresAt.AddSeconds(-1));
}

/// <summary>What the workflow needs to know to keep the notifier informed — not who they are.</summary>
public sealed record NotifierContact(string Type, bool Anonymous, string? Email, bool HasPhone, string Language)
{
    public bool CanBeContacted => !Anonymous && (Email is not null || HasPhone);
}
