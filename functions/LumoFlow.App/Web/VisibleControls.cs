using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LumoFlow.Domain.Validation;

namespace LumoFlow.App.Web;

/// <summary>
/// A control or format character that reaches a page all the same — in a record from before intake removed them, or in
/// a field a form shows back as it was typed — is shown as a visible marker, <c>⟨U+202E⟩</c> (<see cref="FreeText.Marker"/>),
/// instead of acting on the text around it: a right-to-left override would make a name read backwards to staff, a
/// zero-width space would hide. <see cref="PageResult"/> passes every page through <see cref="InHtml"/>. The pages'
/// HTML encoder writes such a character as a numeric character reference (<c>&amp;#x202E;</c>), which a browser still
/// obeys, so both forms are replaced. A tab and a line break stay: HTML reads them as white space, and a note keeps its
/// lines. The pages' own markup holds none of these characters.
/// </summary>
public static partial class VisibleControls
{
    public static string InHtml(string html)
    {
        var referencesShown = NumericReference().Replace(html, m => ShownCodePoint(m) is { } codePoint ? FreeText.Marker(codePoint) : m.Value);
        return ShowRawControls(referencesShown);
    }

    private static int? ShownCodePoint(Match reference)
    {
        var hex = reference.Groups["hex"];
        var digits = hex.Success ? hex.Value : reference.Groups["dec"].Value;
        if (!int.TryParse(digits, hex.Success ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || !Rune.TryCreate(value, out var rune))
            return null;
        return Shown(rune) ? value : null;
    }

    private static string ShowRawControls(string html)
    {
        StringBuilder? shown = null;
        for (var i = 0; i < html.Length;)
        {
            Rune.DecodeFromUtf16(html.AsSpan(i), out var rune, out var length);
            if (Shown(rune))
                (shown ??= new StringBuilder(html.Length + 16).Append(html.AsSpan(0, i))).Append(FreeText.Marker(rune.Value));
            else
                shown?.Append(html.AsSpan(i, length));
            i += length;
        }
        return shown?.ToString() ?? html;
    }

    private static bool Shown(Rune rune) => FreeText.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r');

    [GeneratedRegex("&#(?:[xX](?<hex>[0-9A-Fa-f]{1,6})|(?<dec>[0-9]{1,7}));")]
    private static partial Regex NumericReference();
}
