using System.Globalization;
using System.Text;
using LumoFlow.App.Http;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Auth;

/// <summary>
/// An answer that refuses access — 401, 403, a page sent to sign in because its session ended, a form without its
/// anti-forgery token — or a sign-in that failed, written to the access log as it is sent
/// (<see cref="AccessLog.RecordRefusalAsync"/>): who claimed to be calling, the route, the case, why. Nothing is
/// returned with a refusal, so a log that cannot be written does not hold it back: it is answered all the same, and
/// the failure is logged (without who).
/// <para>Both hosts send these the same way: the gate's refusals (<see cref="StaffGate"/>) and the handlers' (a case of
/// another team) are <see cref="IResult"/>s that the host executes.</para>
/// </summary>
/// <param name="answer">What the caller gets.</param>
/// <param name="claimed">Who was calling; null for the caller the gate let through (<see cref="StaffGate.Caller"/>).</param>
/// <param name="caseId">The case the refusal is about; null to take it from the route (<c>…/cases/{id}/…</c>).</param>
/// <param name="caseExists">Whether the handler found the case: the entry goes to the case's own partition.</param>
public sealed class LoggedRefusal(
    IResult answer, int status, string action, string reason, LoggedRefusal.Claim? claimed = null, string? caseId = null, bool caseExists = false)
    : IResult, IStatusCodeHttpResult
{
    /// <summary>Who was calling, and whether LumoFlow checked it (<paramref name="Verified"/>) or it is only what was sent.</summary>
    /// <param name="Credential"><c>none</c>, <c>token</c>, <c>session</c>, <c>function-key</c>, or a sign-in's kind.</param>
    public sealed record Claim(string Actor, string Credential, bool Verified, string? Role = null, string? Team = null)
    {
        public static readonly Claim Nobody = new("anonymous", "none", false);

        /// <summary>A caller LumoFlow knows (a valid token); <paramref name="role"/> when it is not the identity's own.</summary>
        public static Claim Of(StaffIdentity who, string? role = null) => new(who.Name, who.Credential, true, role ?? who.Role.ToString(), who.Team);

        /// <summary>A token that failed its check: the account it names, unchecked.</summary>
        public static Claim OfToken(string token, string credential) => new(Clean(StaffTokens.ClaimedAccount(token)) ?? "unreadable token", credential, false);

        /// <summary>A function key the host did not accept: it names nobody, and the key itself is never logged.</summary>
        public static Claim OfKey() => new("unknown key", StaffIdentity.KeyCredential, false);

        /// <summary>Someone signing in, as who they said (the development sign-in's account field).</summary>
        public static Claim OfSignIn(string? account, string kind) => new(Clean(account) ?? "unknown", kind, false);
    }

    public int? StatusCode => status;

    /// <summary>A sign-in that failed (<see cref="AccessRefusal.SignInFailedAction"/>).</summary>
    public static LoggedRefusal SignInFailed(IResult answer, int status, string reason, Claim claimed) =>
        new(answer, status, AccessRefusal.SignInFailedAction, reason, claimed);

    /// <summary>A refused access (<see cref="AccessRefusal.RefusedAction"/>).</summary>
    public static LoggedRefusal Refused(IResult answer, int status, string reason, Claim? claimed = null, string? caseId = null, bool caseExists = false) =>
        new(answer, status, AccessRefusal.RefusedAction, reason, claimed, caseId, caseExists);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (httpContext.RequestServices?.GetService<AccessLog>() is { } log)
        {
            var request = httpContext.Request;
            var who = claimed ?? (StaffGate.Caller(httpContext) is { } caller ? Claim.Of(caller) : Claim.Nobody);
            var refusal = new AccessRefusal(action, status, Cap(request.Method, 16), Cap(request.Path.ToUriComponent(), 300),
                caseId ?? CaseIdOf(request.Path), caseExists, who.Actor, who.Credential, who.Verified, who.Role, who.Team,
                httpContext.Connection.RemoteIpAddress?.ToString(), Cap(reason, 500));
            try
            {
                await log.RecordRefusalAsync(refusal, httpContext.RequestAborted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                httpContext.RequestServices.GetService<ILogger<LoggedRefusal>>()?
                    .LogWarning("A refused access ({Status}) could not be written to the access log ({Error})", status, e.GetType().Name);
            }
        }
        await answer.ExecuteAsync(httpContext);
    }

    /// <summary>The case a route names (<c>…/cases/{id}…</c>), when it is a well-formed case id.</summary>
    public static string? CaseIdOf(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "cases");
        return at >= 0 && at + 1 < segments.Length && segments[at + 1].ToUpperInvariant() is var id && CaseIds.IsWellFormed(id) ? id : null;
    }

    /// <summary>What a caller sent, fit for the log: no control or format characters, at most 200 characters; null for nothing.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = new StringBuilder(Math.Min(text.Length, 200));
        foreach (var c in text)
        {
            if (clean.Length == 200) break;
            if (!char.IsControl(c) && char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Surrogate)) clean.Append(c);
        }
        return clean.Length == 0 ? null : clean.ToString().Trim();
    }

    private static string Cap(string text, int length) => text.Length <= length ? text : text[..length];
}
