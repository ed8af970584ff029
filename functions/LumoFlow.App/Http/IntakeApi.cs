using LumoFlow.App.Intake;
using LumoFlow.Domain.Notifications;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Http;

/// <summary>
/// Notifiers submit a child-welfare notification. Public: no key (anyone may notify, LSL § 25(2)). Staff who register a
/// notification received by phone or in person send it with their key, and may give its real time of receipt.
/// </summary>
public sealed class IntakeApi(CaseIntake intake, SubmissionRateLimit rateLimit, TimeProvider time)
{
    public const int MaxBodyBytes = 256 * 1024;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <param name="staff">The caller the gate let through: a signed-in person (who may register with <c>receivedAt</c>),
    /// or a machine client with a function key (an integration: it may not); null for anyone else.</param>
    public Task<IResult> SubmitAsync(HttpContext http, DurableTaskClient durable, StaffIdentity? staff, CancellationToken cancellationToken) =>
        StorageUnavailable.Guard(async () =>
        {
            var body = await RequestBody.ReadJsonAsync<Notification>(http, MaxBodyBytes, cancellationToken);
            if (body.Problem is not null) return body.Problem;
            // Control and format characters (a right-to-left override, a zero-width space) go from the free text before anything else.
            var notification = body.Value!.WithCleanText();

            var problems = NotificationValidator.Problems(notification, time.GetUtcNow(), registeredByStaff: staff is { IsSignedIn: true });
            if (problems.Count > 0)
                return Problems.Of(problems, title: "The notification has errors",
                    detail: "Nothing was stored. Correct the fields listed in 'errors' and send again.");

            var idempotencyKey = http.Request.Headers[IdempotencyKeyHeader].FirstOrDefault();
            if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200))
                return Results.Problem(statusCode: 400, title: "Bad Idempotency-Key", detail: "The Idempotency-Key header must be 1–200 characters.");

            // Anyone may notify without a credential, so one client's rate is bounded; staff and integrations are not.
            if (staff is null && rateLimit.TryAcquire(http) is { } retryAfter)
                return SubmissionRateLimit.TooMany(http, retryAfter);

            var opened = await intake.OpenAsync(durable, notification, staff, idempotencyKey, cancellationToken);
            if (opened.Outcome == IntakeOutcome.KeyReused)
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: "This Idempotency-Key was already used for a different notification. Use a new key for a new notification.");
            if (opened.Outcome == IntakeOutcome.Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";

            return Results.Json(IntakeAnswer.For(http.Request, opened), LumoFlowJson.Options, statusCode: StatusCodes.Status202Accepted)
                .WithLocation($"/api/cases/{opened.CaseId}");
        });
}

/// <summary>
/// The answer to an accepted notification: the first child's case in the Durable Functions management shape (so
/// administrators' tools feel at home), every child's case in <see cref="Cases"/> (in the order of the notification's
/// children), and what was kept as given but flagged for staff to check (<see cref="Flags"/>, English; null when nothing).
/// </summary>
public sealed record IntakeAnswer(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri,
    IReadOnlyList<IntakeAnswer.CaseLink> Cases, IReadOnlyDictionary<string, string[]>? Flags)
{
    public sealed record CaseLink(string Id, string StatusQueryGetUri);

    public static IntakeAnswer For(HttpRequest request, IntakeResult opened)
    {
        string Status(string caseId) => $"{request.Scheme}://{request.Host}{request.PathBase}/api/cases/{caseId}";
        var first = Status(opened.CaseId);
        return new IntakeAnswer(opened.CaseId, first, $"{first}/events/{{eventName}}", $"{first}/terminate?reason={{text}}",
            [.. opened.AllCaseIds.Select(id => new CaseLink(id, Status(id)))], opened.Flags is { Count: > 0 } flags ? flags.English : null);
    }
}
