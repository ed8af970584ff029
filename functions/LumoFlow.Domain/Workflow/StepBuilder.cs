using LumoFlow.Domain.Messaging;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// Collects what one event causes — the new state, history lines, timers, emails, documents — and numbers
/// emails and documents so their ids stay unique within the case. Also keeps the phase honest:
/// an assessment with nothing left blocking it is <see cref="CasePhase.ReadyToClose"/>.
/// </summary>
internal sealed class StepBuilder(CaseState state, DateTimeOffset now)
{
    private readonly List<HistoryEntry> _history = [];
    private readonly List<DurableTimer> _set = [];
    private readonly List<string> _cancel = [];
    private readonly List<Email> _emails = [];
    private readonly List<CaseDocument> _documents = [];

    public CaseState State { get; set; } = state;
    public DateTimeOffset Now { get; } = now;

    /// <summary>A line of history, at <paramref name="at"/> when the event happened earlier than it is recorded.</summary>
    public void History(string eventType, string actor, Dictionary<string, string>? details = null, DateTimeOffset? at = null) =>
        _history.Add(new HistoryEntry(eventType, at ?? Now, actor, details));

    public void SetTimer(string name, DateTimeOffset dueAt)
    {
        _cancel.Remove(name);
        _set.RemoveAll(t => t.Name == name);
        _set.Add(new DurableTimer(name, dueAt));
    }

    public void CancelTimer(string name)
    {
        _set.RemoveAll(t => t.Name == name);
        if (!_cancel.Contains(name)) _cancel.Add(name);
    }

    public void Email(string to, EmailTemplates.Text text, string kind)
    {
        var id = $"{State.CaseId}-{State.EmailsQueued + 1:D3}";
        State = State with { EmailsQueued = State.EmailsQueued + 1 };
        _emails.Add(new Email(id, to, text.Subject, text.Body, kind));
        History("EmailQueued", "system", new() { ["email"] = id, ["kind"] = kind });
    }

    /// <summary>Keeps a text with the case; <paramref name="id"/> defaults to the next note number.</summary>
    public void Document(string kind, string? text, string author, string? id = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        State = State with { DocumentsStored = State.DocumentsStored + 1 };
        _documents.Add(new CaseDocument(id ?? $"note-{State.DocumentsStored:D4}", kind, text, author, Now));
    }

    public WorkflowStep Build()
    {
        var state = State with { LastUpdatedTime = Now };
        if (state.IsOpen && state.Phase is CasePhase.Assessing or CasePhase.ReadyToClose)
            state = state with { Phase = ClosingRules.Missing(state).Count == 0 ? CasePhase.ReadyToClose : CasePhase.Assessing };
        return new WorkflowStep(state, _history, _set, _cancel, _emails, _documents);
    }
}
