using LumoFlow.App.Records;

namespace LumoFlow.App.Orchestration;

/// <summary>
/// The activities of a case's orchestration: every piece of its I/O. Each is a small verb over plain code
/// (<see cref="Activities"/>), so that both hosts run the same thing.
/// </summary>
public static class CaseActivities
{
    /// <summary>Writes the steps the record does not have yet (<see cref="CaseRecordUpdate"/>).</summary>
    public const string RecordCase = nameof(RecordCase);

    /// <summary>Delivers one outbox email (<see cref="SendEmailInput"/>).</summary>
    public const string SendEmail = nameof(SendEmail);

    /// <summary>Registers the case's children in the child index and returns their other open cases (<see cref="LinkChildrenInput"/>).</summary>
    public const string LinkChildren = nameof(LinkChildren);
}

/// <summary>What a write of the record left: the state row's ETag, each written email's, and the case index row's.</summary>
public sealed record RecordedCase(string ETag, IReadOnlyDictionary<string, string> EmailETags, string? IndexETag = null);

/// <summary>
/// One email to deliver. With <paramref name="Email"/> and its <paramref name="RecordedAs"/> (the ETag its recording
/// left), the delivery claims it without reading it first; otherwise it reads the outbox row.
/// </summary>
public sealed record SendEmailInput(string CaseId, string EmailId, LumoFlow.Domain.Messaging.Email? Email = null, string? RecordedAs = null);

public sealed record LinkChildrenInput(string CaseId, IReadOnlyList<string> ChildKeys);
