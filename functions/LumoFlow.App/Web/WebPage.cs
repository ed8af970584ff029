using System.Text;
using System.Text.Encodings.Web;

namespace LumoFlow.App.Web;

/// <summary>
/// The look every public and staff page shares (the notification form, the receipt, the partner page, the social
/// workers' pages): one stylesheet, a skip link, a language switch, and the headers no page goes without. Server-rendered
/// HTML, no script, nothing from a CDN; the style meets WCAG 2.1 AA (contrast ≥ 4.5:1, a visible focus, text that
/// reflows at 320 px).
/// </summary>
public static class WebPage
{
    public static readonly IReadOnlyList<string> Languages = ["fi", "sv", "en"];

    /// <summary>The page language from <c>?lang=</c> (or a form's <c>lang</c> field); Finnish unless fi, sv or en is asked for.</summary>
    public static string Language(HttpRequest request, string? fromForm = null) => AskedLanguage(request, fromForm) ?? "fi";

    /// <summary>The language asked for by <c>?lang=</c> or a form's <c>lang</c> field, if it is fi, sv or en; else null.</summary>
    public static string? AskedLanguage(HttpRequest request, string? fromForm = null)
    {
        var asked = fromForm ?? request.Query["lang"].FirstOrDefault();
        return asked is not null && Languages.Contains(asked) ? asked : null;
    }

    /// <summary>Escapes markup but keeps ä, ö, å readable (the default encoder escapes all non-ASCII).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>A date as the pages show it (Finnish style, in every language): 25.6.2026.</summary>
    public static string Date(DateOnly date) => date.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An instant as the pages show it, on the Helsinki wall clock: 25.6.2026 14:05.</summary>
    public static string DateTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, LumoFlow.Domain.Calendar.HelsinkiTime.Zone).ToString("d.M.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What sits above the page's own content.</summary>
    /// <param name="LanguageSwitch">The path the language links point to (their <c>?lang=</c> is added); null: no switch.</param>
    /// <param name="Navigation">Links for the staff pages' navigation bar (already escaped HTML of the <c>li</c> elements).</param>
    /// <param name="SignedIn">The signed-in user's name and the sign-out form, for staff pages.</param>
    public sealed record Chrome(string? LanguageSwitch = null, string? Navigation = null, string? SignedIn = null);

    public static IResult Render(int status, string language, string title, string bodyHtml, Chrome? chrome = null) =>
        Html(status, Document(language, title, bodyHtml, chrome ?? new Chrome()));

    /// <summary>A whole HTML document as the answer, with the headers every page of LumoFlow's gets (<see cref="HtmlPage"/>).</summary>
    public static IResult Html(int status, string document) => new HtmlPage(status, document);

    public static string Document(string language, string title, string bodyHtml, Chrome chrome)
    {
        var t = ChromeTexts.For(language);
        var header = new StringBuilder();
        header.Append($"""<header><div class="bar"><span class="brand">LumoFlow</span>""");
        if (chrome.Navigation is not null) header.Append($"""<nav aria-label="{E(t.Navigation)}"><ul>{chrome.Navigation}</ul></nav>""");
        if (chrome.LanguageSwitch is not null)
        {
            header.Append($"""<nav aria-label="{E(t.LanguageSwitch)}" class="languages"><ul>""");
            foreach (var (code, name) in new[] { ("fi", "Suomeksi"), ("sv", "På svenska"), ("en", "In English") })
                header.Append(code == language
                    ? $"""<li><a href="{E(WithLanguage(chrome.LanguageSwitch, code))}" lang="{code}" hreflang="{code}" aria-current="true">{name}</a></li>"""
                    : $"""<li><a href="{E(WithLanguage(chrome.LanguageSwitch, code))}" lang="{code}" hreflang="{code}">{name}</a></li>""");
            header.Append("</ul></nav>");
        }
        if (chrome.SignedIn is not null) header.Append($"""<div class="user">{chrome.SignedIn}</div>""");
        header.Append("</div></header>");

        return $"""
            <!doctype html>
            <html lang="{E(language)}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{E(title)} – LumoFlow</title>
            <style>{Style}</style>
            </head><body>
            <a class="skip" href="#main">{E(t.Skip)}</a>
            {header}
            <main id="main"><h1>{E(title)}</h1>
            {bodyHtml}
            </main></body></html>
            """;
    }

    /// <summary><paramref name="path"/> with its <c>lang</c> query parameter set to <paramref name="language"/>.</summary>
    public static string WithLanguage(string path, string language)
    {
        var query = path.IndexOf('?');
        var basePath = query < 0 ? path : path[..query];
        var rest = query < 0 ? [] : path[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("lang=")).ToArray();
        return $"{basePath}?{string.Join('&', rest.Append($"lang={language}"))}";
    }

    /// <summary>
    /// The error summary at the top of a form (GOV.UK's pattern): announced when the page loads (role="alert"), each
    /// message a link to its field (<c>#id</c>), and each field names the message in <c>aria-describedby</c>.
    /// </summary>
    public static string ErrorSummary(string heading, IEnumerable<(string FieldId, string Message)> errors) =>
        $"""<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary"><h2 id="error-summary-title">{E(heading)}</h2><ul>{string.Concat(errors.Select(e => $"""<li><a href="#{E(e.FieldId)}">{E(e.Message)}</a></li>"""))}</ul></div>""";

    private sealed record ChromeTexts(string Skip, string Navigation, string LanguageSwitch)
    {
        private static readonly ChromeTexts Fi = new("Siirry sisältöön", "Päävalikko", "Kieli");
        private static readonly ChromeTexts Sv = new("Till innehållet", "Huvudmeny", "Språk");
        private static readonly ChromeTexts En = new("Skip to content", "Main menu", "Language");
        public static ChromeTexts For(string language) => language switch { "sv" => Sv, "en" => En, _ => Fi };
    }

    /// <summary>A page that no cache or proxy keeps (it may show case data or be reached by a secret link), not framed by another site.</summary>
    private sealed class HtmlPage(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(html);
        }
    }

    public const string Style = """
        :root { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; }
        body { margin: 0; }
        header { background: #0b3d5c; color: #fff; }
        header .bar { max-width: 60rem; margin: 0 auto; padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
        header .brand { font-weight: bold; font-size: 1.15rem; }
        header ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        header a, header button.link { color: #fff; }
        header a[aria-current] { font-weight: bold; text-decoration-thickness: 3px; }
        header .languages { margin-left: auto; }
        header .user { display: flex; gap: .75rem; align-items: center; }
        header .user form { margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        a { color: #0b5394; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, .error-summary:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #0b3d5c; padding: .5rem; z-index: 1; }
        fieldset { border: 1px solid #767676; margin: 0 0 1.25rem; padding: .75rem 1rem; }
        legend { font-weight: bold; padding: 0 .25rem; }
        label, .label { display: block; font-weight: 600; margin-top: .75rem; }
        .hint { display: block; color: #505a5f; font-weight: normal; font-size: .95rem; }
        input[type=text], input[type=email], input[type=tel], input[type=date], input[type=datetime-local], select, textarea { display: block; width: 100%; max-width: 36rem; box-sizing: border-box; font: inherit; padding: .4rem; border: 2px solid #505a5f; border-radius: 0; background: #fff; color: #1a1a1a; }
        textarea { min-height: 8rem; }
        .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .35rem 0; font-weight: normal; }
        .choice input { width: 1.25rem; height: 1.25rem; margin: .15rem 0 0; flex: none; }
        .choice label { margin: 0; font-weight: normal; }
        button, .button { font: inherit; padding: .5rem 1.25rem; background: #00703c; color: #fff; border: 2px solid #00703c; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary { background: #fff; color: #0b3d5c; border-color: #0b3d5c; }
        button.link { background: none; border: none; padding: 0; text-decoration: underline; color: inherit; }
        .field-error { color: #b10e1e; font-weight: bold; display: block; }
        .invalid input, .invalid select, .invalid textarea { border-color: #b10e1e; }
        .invalid { border-left: 4px solid #b10e1e; padding-left: .75rem; }
        .error-summary { border: 4px solid #b10e1e; padding: .75rem 1rem; margin-bottom: 1.5rem; }
        .error-summary h2 { margin-top: 0; font-size: 1.2rem; }
        .error-summary a { color: #b10e1e; font-weight: bold; }
        .notice { border-left: 6px solid #0b5394; background: #eef4fa; padding: .75rem 1rem; margin: 1rem 0; }
        .refusal { border-left: 6px solid #b10e1e; background: #fdf1f1; padding: .75rem 1rem; margin: 1rem 0; }
        .done { border-left: 6px solid #00703c; background: #eef7f1; padding: .75rem 1rem; margin: 1rem 0; }
        .reference { font-size: 1.6rem; font-weight: bold; letter-spacing: .05em; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
        caption { text-align: left; font-weight: bold; padding: .25rem 0; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
        th { background: #f3f2f1; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
        .rag { display: inline-block; padding: 0 .5rem; font-weight: bold; border: 2px solid; white-space: nowrap; }
        .rag-red { color: #fff; background: #b10e1e; border-color: #b10e1e; }
        .rag-amber { color: #1a1a1a; background: #ffdd00; border-color: #8a6d00; }
        .rag-green { color: #fff; background: #00703c; border-color: #00703c; }
        .pre { white-space: pre-wrap; overflow-wrap: anywhere; }
        details { margin: .5rem 0; border: 1px solid #b1b4b6; padding: .5rem .75rem; }
        summary { cursor: pointer; font-weight: 600; }
        """;
}
