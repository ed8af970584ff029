using LumoFlow.App.Auth;
using LumoFlow.App.Http;
using LumoFlow.Domain.Routing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;

namespace LumoFlow.App.Web;

/// <summary>
/// What a page knows of the request it answers: its language, who is calling (<see cref="StaffGate"/>'s identity),
/// where its language links point, the form token, and how its links carry the language on. Nothing else is carried
/// from link to link: a page takes no key (administrators sign in), so no link or form copies one on.
/// </summary>
public sealed class PageContext(HttpContext http, string language, string? languageSwitch)
{
    private AntiforgeryTokenSet? _tokens;

    public string Language { get; } = language;

    /// <summary>
    /// Who is signed in, on a staff page (<c>/staff</c>, <c>/admin</c>): the header shows them and their way out. The
    /// public pages (the form, a partner's link, the sign-in) show nobody, even to a signed-in browser.
    /// </summary>
    public StaffIdentity? User =>
        http.Request.Path.StartsWithSegments("/staff") || http.Request.Path.StartsWithSegments("/admin") ? StaffGate.Caller(http) : null;

    /// <summary>The path (and query) the language links point to; null: the page has no language links.</summary>
    public string? LanguageSwitch { get; } = languageSwitch;

    /// <summary>A team's name, as every page shows it; an id the routing table does not know is shown as it is.</summary>
    public string TeamName(string teamId) =>
        http.RequestServices.GetService<RoutingTable>()?.Teams.FirstOrDefault(t => t.Id == teamId)?.Name ?? teamId;

    /// <summary>The teams by name, for a page's choice of one.</summary>
    public IReadOnlyList<(string Value, string Text)> Teams =>
        [.. (http.RequestServices.GetService<RoutingTable>()?.Teams ?? []).OrderBy(t => t.Name).Select(t => (t.Id, t.Name))];

    /// <summary>The anti-forgery token for this page's forms (its cookie is set with the answer).</summary>
    public AntiforgeryTokenSet Antiforgery => _tokens ??= http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);

    /// <summary>A link to <paramref name="path"/> in this page's language, with <paramref name="parameters"/> (empty ones left out).</summary>
    public string Link(string path, params (string Key, string? Value)[] parameters)
    {
        var all = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => (p.Key, p.Value!)).ToList();
        all.Add(("lang", Language));
        return path + "?" + string.Join("&", all.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
    }

    /// <summary>The values a GET form carries on as hidden fields: the language.</summary>
    public IEnumerable<(string Name, string Value)> CarriedFields()
    {
        yield return ("lang", Language);
    }
}
