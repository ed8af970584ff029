namespace LumoFlow.Domain.Routing;

/// <summary>
/// A child-welfare team that receives cases. Addresses are team mailboxes, not persons:
/// <paramref name="OnCallEmail"/> gets urgent cases at once (on call outside office hours),
/// <paramref name="WorkerEmail"/> the assigned social worker's reminders until a worker is named,
/// <paramref name="LeadEmail"/> the escalations.
/// </summary>
public sealed record Team(string Id, string Name, string OnCallEmail, string WorkerEmail, string LeadEmail, string Language = "fi");
