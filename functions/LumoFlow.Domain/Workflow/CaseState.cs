using LumoFlow.Domain.Deadlines;

namespace LumoFlow.Domain.Workflow;

/// <summary>Durable Functions' runtime status, kept so administrators used to it feel at home.</summary>
public enum RuntimeStatus { Running, Completed, Terminated }

/// <summary>Where the case stands in the process (domain.md, "The process").</summary>
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
    public required DateTimeOffset CreatedTime { get; init; }
    public required DateTimeOffset LastUpdatedTime { get; init; }
    /// <summary>Null only while a pre-birth case waits for the birth.</summary>
    public StatutoryDeadlines? Deadlines { get; init; }
    public required string TeamId { get; init; }
    public required NotifierContact Notifier { get; init; }
    /// <summary>The notifier said the child is in immediate danger (LSL § 26(1)).</summary>
    public bool ImmediateDanger { get; init; }
    /// <summary>An offence against the child is suspected: a police report is required (LSL § 25(3)).</summary>
    public bool OffenceSuspected { get; init; }
    /// <summary>Open cases of the same child when this notification arrived: linked, never dropped (THL).</summary>
    public IReadOnlyList<string> LinkedCaseIds { get; init; } = [];
    public bool DecisionOverdue { get; init; }
    public bool AssessmentOverdue { get; init; }
    public string? TerminationReason { get; init; }
    /// <summary>How many emails this case has queued; numbers outbox ids so they stay unique and stable.</summary>
    public int EmailsQueued { get; init; }
}

/// <summary>What the workflow needs to know to keep the notifier informed — not who they are.</summary>
public sealed record NotifierContact(string Type, bool Anonymous, string? Email, bool HasPhone, string Language)
{
    public bool CanBeContacted => !Anonymous && (Email is not null || HasPhone);
}
