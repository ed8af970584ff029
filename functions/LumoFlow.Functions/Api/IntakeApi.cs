using System.Text.Json;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Notifications;
using LumoFlow.Engine;

namespace LumoFlow.Functions.Api;

/// <summary>Notifiers submit a child-welfare notification. Public: no key (anyone may notify, LSL § 25(2)).</summary>
public static class IntakeApi
{
    public const int MaxBodyBytes = 256 * 1024;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/notifications", SubmitAsync).WithName("SubmitNotification");
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, CaseEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync<Notification>(http, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var notification = body.Value!;

        var errors = NotificationValidator.Validate(notification, HelsinkiTime.LocalDate(time.GetUtcNow()));
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The notification has errors", detail: "Nothing was stored. Correct the fields listed in 'errors' and send again.");

        var idempotencyKey = http.Request.Headers[IdempotencyKeyHeader].FirstOrDefault();
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200))
            return Results.Problem(statusCode: 400, title: "Bad Idempotency-Key", detail: "The Idempotency-Key header must be 1–200 characters.");

        var json = JsonSerializer.Serialize(notification, EngineJson.Options);
        var started = await engine.StartAsync(notification, json, idempotencyKey, cancellationToken);
        if (started.Outcome == StartOutcome.KeyReused)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was already used for a different notification. Use a new key for a new notification.");
        if (started.Outcome == StartOutcome.AlreadyExists) http.Response.Headers["Idempotent-Replayed"] = "true";

        var links = CaseLinks.For(http.Request, started.CaseId);
        return Results.Json(links, EngineJson.Options, statusCode: StatusCodes.Status202Accepted)
            .WithLocation($"/api/cases/{started.CaseId}");
    }
}

/// <summary>The Durable Functions management shape, so administrators' tools feel at home.</summary>
public sealed record CaseLinks(string Id, string StatusQueryGetUri, string SendEventPostUri, string TerminatePostUri)
{
    public static CaseLinks For(HttpRequest request, string caseId)
    {
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/api/cases/{caseId}";
        return new CaseLinks(caseId, baseUrl, $"{baseUrl}/events/{{eventName}}", $"{baseUrl}/terminate?reason={{text}}");
    }
}
