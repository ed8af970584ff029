using System.Globalization;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Wording;
using LumoFlow.App.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace LumoFlow.App.Web;

/// <summary>
/// What every page shares: its language (from <c>?lang=</c> or a form's <c>lang</c> field; Finnish unless fi, sv or
/// en is asked for), how it shows dates and times (Helsinki's wall clock, culture-invariant), and how a handler answers
/// with a page: a Razor component rendered into the <see cref="IResult"/> (<see cref="PageResult"/>).
/// </summary>
public static class WebPage
{
    /// <summary>The page language from <c>?lang=</c> (or a form's <c>lang</c> field); Finnish unless fi, sv or en is asked for.</summary>
    public static string Language(HttpRequest request, string? fromForm = null) => AskedLanguage(request, fromForm) ?? "fi";

    /// <summary>The language asked for by <c>?lang=</c> or a form's <c>lang</c> field, if it is fi, sv or en; else null.</summary>
    public static string? AskedLanguage(HttpRequest request, string? fromForm = null)
    {
        var asked = fromForm ?? request.Query["lang"].FirstOrDefault();
        return Phrase.IsLanguage(asked) ? asked : null;
    }

    /// <summary>A date as the pages show it (Finnish style, in every language): 25.6.2026.</summary>
    public static string Date(DateOnly date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    /// <summary>An instant as the pages show it, on the Helsinki wall clock: 25.6.2026 14:05.</summary>
    public static string DateTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, HelsinkiTime.Zone).ToString("d.M.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant to the second, on the Helsinki wall clock (the engine's and the access log's times): 25.6.2026 14:05:09.</summary>
    public static string DateTimeSeconds(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, HelsinkiTime.Zone).ToString("d.M.yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A date as an <c>input type=date</c> holds it: 2026-06-25.</summary>
    public static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A whole number as the pages show it.</summary>
    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="path"/> with its <c>lang</c> query parameter set to <paramref name="language"/>.</summary>
    public static string WithLanguage(string path, string language)
    {
        var query = path.IndexOf('?');
        var basePath = query < 0 ? path : path[..query];
        var rest = query < 0
            ? []
            : path[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("lang=", StringComparison.Ordinal)).ToArray();
        return $"{basePath}?{string.Join('&', rest.Append($"lang={language}"))}";
    }

    /// <summary>
    /// The page <typeparamref name="TPage"/> with <paramref name="model"/>, answered with <paramref name="status"/>.
    /// </summary>
    /// <param name="languageSwitch">Where the language links point (their <c>?lang=</c> is set); by default the page's own
    /// address for a GET, none for a form's answer (a POST has no address to go back to).</param>
    public static IResult Render<TPage, TModel>(int status, string language, TModel model, string? languageSwitch = null)
        where TPage : PageComponent<TModel> =>
        new PageResult(typeof(TPage), new Dictionary<string, object?> { [nameof(PageComponent<TModel>.Model)] = model }, status, language, languageSwitch);

    /// <summary>A short page that says one thing (an error, a refusal, a thank-you), with a link onward if given.</summary>
    public static IResult Message(int status, string language, Phrase title, Phrase text, string? detail = null, (Phrase Text, string Href)? link = null,
        string? languageSwitch = null) =>
        Render<MessagePage, MessagePage.Content>(status, language, new(title, text, detail, link), languageSwitch);
}

/// <summary>A page: a component with one model, rendered inside <see cref="PageLayout"/> by <see cref="PageResult"/>.</summary>
public abstract class PageComponent<TModel> : LumoComponent
{
    [Parameter, EditorRequired] public TModel Model { get; set; } = default!;
}
