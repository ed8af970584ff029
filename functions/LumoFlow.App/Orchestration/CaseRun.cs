using LumoFlow.App.Records;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Orchestration;

/// <summary>
/// The case as one generation of its orchestration carries it: the case after every step applied so far, the steps
/// not recorded yet, and the emails not delivered yet. Plain bookkeeping — what a step means is the workflow's.
/// </summary>
internal sealed class CaseRun
{
    private readonly List<RecordedStep> _unrecorded = [];
    private IntakeRecord? _intake;

    public CaseRun(CaseOrchestrationInput input)
    {
        Case = input.Case;
        RecordedAs = input.RecordedAs;
        IndexRecordedAs = input.IndexRecordedAs;
        Undelivered = [.. input.Undelivered ?? []];
        if (input.OpeningUpdate is { } opening)
        {
            _unrecorded.AddRange(opening.Steps);
            _intake = opening.Intake;
        }
    }

    public StoredCase Case { get; private set; }
    public CaseState State => Case.State;
    public PendingTimers Timers => Case.Timers;
    public string CaseId => Case.State.CaseId;

    /// <summary>Emails recorded but not delivered.</summary>
    public List<SendEmailInput> Undelivered { get; }

    /// <summary>The record's ETag after the last write of this orchestration (null until its first).</summary>
    public string? RecordedAs { get; set; }

    /// <summary>The case index row's ETag after the last write of this orchestration (null until its first).</summary>
    public string? IndexRecordedAs { get; set; }

    /// <summary>
    /// How long the case remembers a staff request it has answered. Durable delivers an external event at least once: a
    /// copy comes back within a queue message's visibility timeout (30 s to a few minutes) of the first delivery, or
    /// when the daily check restarts a case with the requests its record holds as pending. A day covers both by far.
    /// </summary>
    public static readonly TimeSpan RequestMemory = TimeSpan.FromDays(1);

    /// <summary>Whether the case has already answered (applied or refused) the staff request <paramref name="requestId"/>.</summary>
    public bool Answered(string requestId) => Case.AnsweredRequests?.ContainsKey(requestId) == true;

    /// <summary>The next step of the case.</summary>
    public void Apply(WorkflowStep step) => Apply(step, request: null);

    /// <summary>The next step of the case, answering the staff request <paramref name="request"/> at <paramref name="now"/>.</summary>
    public void Answer(WorkflowStep step, RequestOutcome request, DateTimeOffset now)
    {
        Apply(step, request);
        var answered = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) { [request.RequestId] = now };
        foreach (var (id, at) in Case.AnsweredRequests ?? new Dictionary<string, DateTimeOffset>())
            if (at > now - RequestMemory) answered.TryAdd(id, at);
        Case = Case with { AnsweredRequests = answered };
    }

    private void Apply(WorkflowStep step, RequestOutcome? request)
    {
        var number = Case.Step + 1;
        Case = Case with { State = step.State, Timers = Case.Timers.After(step), Step = number };
        _unrecorded.Add(new RecordedStep(number, step.History, step.DocumentsToStore, step.Emails, request));
    }

    /// <summary>A timer fired: it is no longer pending (unless the step it causes sets it again).</summary>
    public void Fired(DurableTimer timer) => Case = Case with { Timers = Case.Timers.Without(timer.Name) };

    /// <summary>The steps not recorded yet as one write of the record, and from now on counted as recorded.</summary>
    public CaseRecordUpdate? TakeUnrecorded()
    {
        if (_unrecorded.Count == 0) return null;
        var update = new CaseRecordUpdate(Case, [.. _unrecorded], _intake, RecordedAs, IndexRecordedAs);
        _unrecorded.Clear();
        _intake = null;
        return update;
    }

    /// <summary>What the next generation starts from.</summary>
    public CaseOrchestrationInput Next() =>
        new(Case, Undelivered: Undelivered.Count > 0 ? [.. Undelivered] : null, RecordedAs: RecordedAs, IndexRecordedAs: IndexRecordedAs);
}
