using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>Who may raise a staff event on a case.</summary>
public enum EventRaiser
{
    /// <summary>Anyone who works the case: a social worker or team lead of its team, an administrator, a machine client.</summary>
    CaseWorker,
    /// <summary>A team lead of the case's team, an administrator or a machine client.</summary>
    TeamLead,
}

/// <summary>
/// Whether an event recorded on one child's case goes to the other children's cases of the same notification too
/// (a case concerns one child, LSL §§ 26, 27, 29; some facts concern the whole family). The workflow applies it to
/// each case on its own.
/// </summary>
public enum FamilyScope
{
    /// <summary>This child's case only.</summary>
    ThisChild,
    /// <summary>Every child's case of the notification: e.g. the notifier, who made one notification, was contacted.</summary>
    EveryChild,
    /// <summary>Every child's case when the one who records it says so (<see cref="StaffEvents.ForEveryChild"/>).</summary>
    EveryChildIfAsked,
}

/// <summary>
/// One staff event, defined once (<see cref="StaffEvents"/>): its name, its words, the phases it is allowed in and
/// the section of law that says so, who may raise it, its fields, and how its fields make the event. The API's reader,
/// the case page's form, the README's event table and the authorization test all come from this.
/// </summary>
/// <param name="Type">The event's record (<see cref="CaseEvent"/>): its rule is in <see cref="CaseWorkflow"/>.</param>
/// <param name="Title">What the form and the timeline call it.</param>
/// <param name="Law">The section of law (or the practice) that allows it in <paramref name="AllowedIn"/>.</param>
/// <param name="Check">A rule across fields, checked after each field is (e.g. "a team, a worker, or both").</param>
public sealed record StaffEvent(
    Type Type,
    Phrase Title,
    string Law,
    IReadOnlyList<CasePhase> AllowedIn,
    IReadOnlyList<EventField> Fields,
    Func<EventValues, CaseEvent> Build,
    EventRaiser RaisedBy = EventRaiser.CaseWorker,
    Func<EventValues, (string Field, ProblemCode Problem)?>? Check = null)
{
    /// <summary>Whether it goes to the cases of the other children of the same notification too.</summary>
    public FamilyScope Family { get; init; }

    /// <summary>The event's name in the API's path (<c>POST /api/cases/{id}/events/{Name}</c>): its record's name.</summary>
    public string Name => Type.Name;

    public EventField? Field(string path) => Fields.FirstOrDefault(f => f.Path == path);

    /// <summary>A definition of <typeparamref name="T"/>.</summary>
    public static StaffEvent Of<T>(Phrase title, string law, CasePhase[] allowedIn, EventField[] fields, Func<EventValues, T> build,
        EventRaiser raisedBy = EventRaiser.CaseWorker, Func<EventValues, (string, ProblemCode)?>? check = null) where T : CaseEvent =>
        new(typeof(T), title, law, allowedIn, fields, v => build(v), raisedBy, check);
}
