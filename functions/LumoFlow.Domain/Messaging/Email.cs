namespace LumoFlow.Domain.Messaging;

/// <summary>
/// One email the workflow wants sent. It sits in the case's outbox until delivered.
/// Emails are not a secure channel: a subject and body carry a case reference, what is due
/// and a link — never the child's name, identity code or the concern.
/// </summary>
/// <param name="Id">Outbox id, unique within the case; the delivery de-duplication key (ACS <c>Operation-Id</c>).</param>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="TextBody">Plain-text body.</param>
/// <param name="Kind">What the email is for (e.g. <c>Receipt</c>, <c>Urgent</c>); used in logs instead of the content.</param>
public sealed record Email(string Id, string To, string Subject, string TextBody, string Kind);
