using LumoFlow.App.Web.Words;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Web;

/// <summary>
/// What a person sees when a page cannot be served: an address that is none (404) or a failure (500), as a page in
/// their language. The API (<c>/api/…</c>) keeps answering problem documents. Both hosts put this around their pages.
/// </summary>
public static class ErrorPages
{
    /// <summary>Pages (not under <c>api/</c>) answer with a page a person can act on; the API with a problem document.</summary>
    public static bool IsPage(HttpRequest request) => !request.Path.StartsWithSegments("/api");

    /// <summary>Runs the rest of the pipeline; a page that throws answers the error page (the failure is logged, no personal data in it).</summary>
    public static async Task GuardAsync(HttpContext http, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception e) when (IsPage(http.Request) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages))
                .LogError(e, "The page {Path} failed ({Exception})", Hosting.SecretPaths.Redact(http.Request.Path.Value ?? ""), e.GetType().Name);
            http.Response.Clear();
            await Failure(http.Request).ExecuteAsync(http);
        }
    }

    public static IResult Failure(HttpRequest request) =>
        WebPage.Message(500, WebPage.Language(request), CommonWords.ErrorTitle, CommonWords.Error, languageSwitch: null);

    public static IResult NotFound(HttpRequest request) =>
        WebPage.Message(404, WebPage.Language(request), CommonWords.NotFoundTitle, CommonWords.NotFound,
            link: (CommonWords.FrontPage, WebPage.WithLanguage("/", WebPage.Language(request))), languageSwitch: null);
}
