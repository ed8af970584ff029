namespace LumoFlow.App.Http;

/// <summary>
/// Two headers on every answer of both hosts, set in one place (each host's first middleware calls <see cref="Protect"/>):
/// <c>X-Content-Type-Options: nosniff</c>, so that a browser takes an answer only as what it says it is, and
/// <c>Cache-Control: no-store</c>, so that no browser cache, proxy or shared workstation keeps case data — the case's
/// status, the administrators' lists and case detail, THL's report as JSON and as CSV, the transfer package, intake's
/// answer, an event's answer, every page. An answer that its handler marks as public (<c>Cache-Control: public, …</c>:
/// only the fingerprinted stylesheet) keeps its own. Set as the answer starts, so that an error answer, whose headers
/// the exception handler clears first, has them too.
/// </summary>
public static class AnswerHeaders
{
    public static void Protect(HttpContext http) => http.Response.OnStarting(static state =>
    {
        var headers = ((HttpResponse)state).Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!headers.CacheControl.ToString().StartsWith("public", StringComparison.OrdinalIgnoreCase)) headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }, http.Response);
}
