using LumoFlow.App.Orchestration;
using LumoFlow.App.Records;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Workflow;
using Microsoft.DurableTask;

namespace LumoFlow.App.Tests.Simulation;

using Email = LumoFlow.Domain.Messaging.Email;

/// <summary>An email as the virtual clock saw it go out.</summary>
internal sealed record DeliveredEmail(Email Email, DateTimeOffset At)
{
    public DateOnly On => HelsinkiTime.LocalDate(At);
    public override string ToString() => $"{On:yyyy-MM-dd} {Email.Kind} -> {Email.To}";
}

/// <summary>
/// The activities of a case, in memory: the record (each step once, in order, as <see cref="CaseRecords"/> writes them),
/// the outbox (each email sent once), and the child index's answer. Failures can be injected per activity.
/// </summary>
internal sealed class InMemoryCase
{
    private readonly Dictionary<string, Email> _outbox = [];
    private bool _returnedETag;

    private static string ETagOf(int step) => $"W/\"step-{step}\"";

    public SortedDictionary<int, RecordedStep> Steps { get; } = [];
    public StoredCase? Stored { get; private set; }
    public IntakeRecord? Intake { get; private set; }
    public List<DeliveredEmail> Sent { get; } = [];
    public List<(string Activity, object? Input, TaskOptions? Options)> Calls { get; } = [];
    /// <summary>What LinkChildren answers: the other open cases of the child.</summary>
    public IReadOnlyList<string> OpenCasesOfTheChild { get; set; } = [];
    /// <summary>Sends that fail before the next one succeeds (an unreachable mail server).</summary>
    public int FailingSends { get; set; }

    public IReadOnlyList<HistoryEntry> History => [.. Steps.Values.SelectMany(s => s.History)];
    public IEnumerable<CaseDocument> Documents => Steps.Values.SelectMany(s => s.Documents);

    public string[] EmailLog(Func<DeliveredEmail, bool>? which = null) =>
        Sent.Where(which ?? (_ => true)).Select(e => e.ToString()).Order(StringComparer.Ordinal).ToArray();

    public object? Run(string activity, object? input, DateTimeOffset now, TaskOptions? options)
    {
        Calls.Add((activity, input, options));
        switch (activity)
        {
            case CaseActivities.RecordCase:
                var update = (CaseRecordUpdate)input!;
                // The orchestration hands each write the ETag the previous one returned (the first has none).
                Assert.Equal(Stored is null || !_returnedETag ? null : ETagOf(Stored.Step), update.RecordedAs);
                var recorded = Stored?.Step ?? 0;
                foreach (var step in update.Steps.Where(s => s.Step > recorded))
                {
                    Assert.Equal(recorded + 1, step.Step); // steps arrive in order, none missing
                    Steps[step.Step] = step;
                    foreach (var email in step.Emails) _outbox[email.Id] = email;
                    recorded = step.Step;
                }
                Assert.Equal(recorded, update.After.Step);
                Stored = update.After;
                Intake ??= update.Intake;
                _returnedETag = true;
                return new RecordedCase(ETagOf(recorded), update.Steps.SelectMany(s => s.Emails).ToDictionary(e => e.Id, e => $"W/\"{e.Id}\""));

            case CaseActivities.SendEmail:
                // The SDK's context retries by the task's retry policy; this one tries that many times at once.
                var send = (SendEmailInput)input!;
                // Delivered by what the recording returned: the email itself and its ETag, so nothing is read first.
                Assert.Equal(_outbox[send.EmailId], send.Email);
                Assert.Equal($"W/\"{send.EmailId}\"", send.RecordedAs);
                for (var attempt = 1; FailingSends > 0; attempt++)
                {
                    FailingSends--;
                    if (attempt >= (options?.Retry?.Policy?.MaxNumberOfAttempts ?? 1))
                        throw new InvalidOperationException("The mail server is unreachable (simulated).");
                }
                if (Sent.Any(e => e.Email.Id == send.EmailId)) return true; // sent before: not again
                Sent.Add(new DeliveredEmail(_outbox[send.EmailId], now));
                return true;

            case CaseActivities.LinkChildren:
                return OpenCasesOfTheChild;

            default:
                throw new InvalidOperationException($"Unknown activity {activity}.");
        }
    }
}
