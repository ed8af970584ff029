using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;

namespace LumoFlow.App.Http;

/// <summary>
/// The headers on every answer of both hosts, set in one place (each host's first middleware calls <see cref="Protect"/>):
/// <c>X-Content-Type-Options: nosniff</c>, so that a browser takes an answer only as what it says it is, and
/// <c>Cache-Control: no-store</c>, so that no browser cache, proxy or shared workstation keeps case data — the case's
/// status, the administrators' lists and case detail, THL's report as JSON and as CSV, the transfer package, intake's
/// answer, an event's answer, every page. An answer that its handler marks as public (<c>Cache-Control: public, …</c>:
/// only the fingerprinted stylesheet) keeps its own. In Azure, <c>Strict-Transport-Security</c> too
/// (<see cref="SendsHsts"/>). And every <c>__Host-</c> cookie (the session's, the anti-forgery token's) is made
/// <c>Secure</c>, whatever scheme the app itself saw. Set as the answer starts, so that an error answer, whose headers
/// the exception handler clears first, has them too.
/// </summary>
public static class AnswerHeaders
{
    /// <summary>The anti-forgery token's cookie: <c>__Host-</c>, as the session's.</summary>
    public const string AntiforgeryCookie = "__Host-lumoflow-antiforgery";

    /// <summary>A year, and the subdomains: App Service serves only HTTPS.</summary>
    public const string Hsts = "max-age=31536000; includeSubDomains";

    /// <summary>Whether answers carry <c>Strict-Transport-Security</c>.</summary>
    public sealed record Policy(bool Hsts);

    /// <summary>
    /// HSTS in Azure only: in App Service (<c>WEBSITE_SITE_NAME</c>, which App Service sets) and outside the Development
    /// environment. Locally the site is <c>http://localhost</c>, where a browser would remember it for a year.
    /// </summary>
    public static bool SendsHsts(IConfiguration configuration, string environmentName) =>
        !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"])
        && !string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);

    public static void Protect(HttpContext http) => http.Response.OnStarting(static state =>
    {
        var http = (HttpContext)state;
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!headers.CacheControl.ToString().StartsWith("public", StringComparison.OrdinalIgnoreCase)) headers.CacheControl = "no-store";
        if (http.RequestServices?.GetService<Policy>() is { Hsts: true }) headers.StrictTransportSecurity = Hsts;
        headers.SetCookie = SecureHostCookies(headers.SetCookie);
        return Task.CompletedTask;
    }, http);

    /// <summary>Each <c>__Host-</c> cookie with <c>secure</c>, which the prefix requires (a browser drops it otherwise).</summary>
    public static StringValues SecureHostCookies(StringValues cookies)
    {
        if (cookies.Count == 0) return cookies;
        var secured = new string?[cookies.Count];
        for (var i = 0; i < cookies.Count; i++)
        {
            var cookie = cookies[i] ?? "";
            var isSecure = cookie.Split(';').Skip(1).Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));
            secured[i] = cookie.StartsWith("__Host-", StringComparison.Ordinal) && !isSecure ? cookie + "; secure" : cookie;
        }
        return new StringValues(secured);
    }
}
