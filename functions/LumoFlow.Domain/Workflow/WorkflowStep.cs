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

/// <summary>The event was refused; nothing changes. <see cref="Missing"/> lists what still blocks, when that is the reason.</summary>
public sealed record WorkflowRefusal(RefusalKind Kind, string Reason, IReadOnlyList<Obligation> Missing) : WorkflowOutcome;
