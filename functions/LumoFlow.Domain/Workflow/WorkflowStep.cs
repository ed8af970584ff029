using LumoFlow.Domain.Messaging;

namespace LumoFlow.Domain.Workflow;

/// <summary>A line of the case history: what happened, who did it, when. No personal data in <see cref="Details"/>.</summary>
public sealed record HistoryEntry(string EventType, DateTimeOffset At, string Actor, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>
/// A text kept with the case: a note, a partner's answer, the assessment summary. Stored in the case's partition
/// in the same transaction as the event; never put in history details, emails or logs.
/// </summary>
public sealed record CaseDocument(string Id, string Kind, string Text, string Author, DateTimeOffset At);

/// <summary>A durable timer: wake the case at <see cref="DueAt"/> and fire <see cref="Name"/>. Setting a name again replaces it.</summary>
public sealed record DurableTimer(string Name, DateTimeOffset DueAt);

/// <summary>What the workflow decided for one event.</summary>
public abstract record WorkflowOutcome;

/// <summary>
/// The event was accepted. Everything here is committed together or not at all:
/// the new state, the history lines, the timers to set and cancel, and the emails to send.
/// </summary>
public sealed record WorkflowStep(
    CaseState State,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<DurableTimer> TimersToSet,
    IReadOnlyList<string> TimersToCancel,
    IReadOnlyList<Email> Emails,
    IReadOnlyList<CaseDocument>? Documents = null) : WorkflowOutcome
{
    public IReadOnlyList<CaseDocument> DocumentsToStore => Documents ?? [];
}

/// <summary>Why an event is refused.</summary>
public enum RefusalKind
{
    /// <summary>Not allowed in the case's current state (HTTP 409).</summary>
    NotAllowedNow,
    /// <summary>The case is completed or terminated (HTTP 410).</summary>
    CaseEnded,
    /// <summary>The event refers to something that does not exist or is malformed (HTTP 400).</summary>
    InvalidInput,
}

/// <summary>
/// Which refusal, as a stable code: the pages say it in the reader's language (the <see cref="WorkflowRefusal.Reason"/>
/// is English, for the API and the history), and machine clients can branch on it.
/// </summary>
public enum RefusalCode
{
    /// <summary>The event is not one the case's phase allows.</summary>
    NotAllowedInPhase,
    /// <summary>Closing the assessment before the decision: the decision to start it comes first.</summary>
    DecideFirst,
    /// <summary>A pre-birth case waits for the birth (LSL § 25 c).</summary>
    WaitingForBirth,
    /// <summary>The decision on the assessment has already been made.</summary>
    AlreadyDecided,
    /// <summary>The decision waits for the immediate assessment of urgency (LSL § 26(2)).</summary>
    UrgencyFirst,
    /// <summary>No team takes cases of the municipality given (subject: the municipality).</summary>
    NoSuchMunicipality,
    /// <summary>Only a pre-birth case that still waits for the birth can record the birth or close before it.</summary>
    NotWaitingForBirth,
    /// <summary>The case is completed or terminated.</summary>
    CaseEnded,
    /// <summary>The event is of a type the workflow does not know.</summary>
    UnknownEvent,
    /// <summary>The assessment (or a pre-birth case) cannot close: something required is missing.</summary>
    MissingBeforeClosing,
    /// <summary>LSL § 25 d: the case cannot be transferred while the police report or the family's information is open.</summary>
    MissingBeforeTransfer,
    /// <summary>The documents of a transfer: the case is not being transferred.</summary>
    NotTransferring,
    /// <summary>Client status has begun already (subject: its reason).</summary>
    ClientStatusAlreadyStarted,
    /// <summary>The case named is not an open case of the same child linked to this one (subject: the case).</summary>
    NotALinkedCase,
    /// <summary>The case named has no assessment under way (subject: the case).</summary>
    NotAnOpenAssessment,
    /// <summary>The day of birth does not match the identity code (subject: the day given).</summary>
    BirthDateMismatch,
    /// <summary>The day of birth is in the future (subject: the day).</summary>
    BornInFuture,
    /// <summary>There is no such team (<see cref="WorkflowRefusal.Subject"/>: the team).</summary>
    NoSuchTeam,
    /// <summary>There is no such partner request (subject: the request).</summary>
    NoSuchPartnerRequest,
    /// <summary>The partner request has been answered (subject: the request).</summary>
    PartnerRequestAnswered,
    /// <summary>The partner request has been waived (subject: the request).</summary>
    PartnerRequestWaived,
    /// <summary>The partner's link does not match a request of the case.</summary>
    LinkInvalid,
    /// <summary>The partner's link has been used: the answer was received.</summary>
    LinkUsed,
    /// <summary>The social worker no longer needs the partner's answer.</summary>
    LinkNotNeeded,
    /// <summary>The partner's link has expired.</summary>
    LinkExpired,
}

/// <summary>
/// The event was refused; nothing changes. <see cref="Missing"/> lists what still blocks, when that is the reason;
/// <see cref="Subject"/> names what the refusal is about (a team, a partner request), when it is about one.
/// </summary>
public sealed record WorkflowRefusal(
    RefusalKind Kind, RefusalCode Code, string Reason, IReadOnlyList<Obligation> Missing, string? Subject = null) : WorkflowOutcome;
