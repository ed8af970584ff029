using System.Globalization;
using System.Text;

namespace LumoFlow.Domain.Validation;

/// <summary>
/// Control and format characters (Unicode categories Cc and Cf) in what people type: a right-to-left override that
/// makes a name read backwards, a zero-width space or joiner that makes two names look alike or hides a word from a
/// search, a NUL, an escape. Nobody means them in a name or a note. They are removed from free text at intake
/// (<see cref="Line"/>, <see cref="Note"/>), refused where a value must be exact (an identity code:
/// <see cref="HasControls"/>), and shown as a visible marker if one reaches a page all the same (<see cref="Marker"/>).
/// <para>A note keeps its line breaks (CR LF and a lone CR become LF) and its tabs: that is how people lay out text. A
/// single line turns a tab or a line break into a space, so the words either side stay apart. Removing every Cf
/// character also takes the zero-width joiner out of an emoji sequence (a family emoji becomes its people) and the
/// soft hyphen out of a word; both read the same without it.</para>
/// </summary>
public static class FreeText
{
    /// <summary>Whether <paramref name="rune"/> is a control (Cc) or format (Cf) character; a tab and a line break are Cc.</summary>
    public static bool IsControl(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;

    /// <summary>Whether <paramref name="text"/> holds any control or format character, a tab or a line break among them.</summary>
    public static bool HasControls(string? text)
    {
        if (text is null) return false;
        foreach (var rune in text.EnumerateRunes())
            if (IsControl(rune)) return true;
        return false;
    }

    /// <summary>A line of text (a name, an address, a reason): every control and format character removed, a tab or a line break as a space.</summary>
    public static string? Line(string? text) => Clean(text, note: false);

    /// <summary>
    /// Free text of several lines (a concern, a note, an answer): line breaks and tabs kept, every other control and
    /// format character removed.
    /// </summary>
    public static string? Note(string? text) => Clean(text, note: true);

    /// <summary>How a page shows a control or format character that reached it: <c>⟨U+202E⟩</c>.</summary>
    public static string Marker(int codePoint) => string.Create(CultureInfo.InvariantCulture, $"⟨U+{codePoint:X4}⟩");

    private static string? Clean(string? text, bool note)
    {
        if (!HasControls(text)) return text;
        var clean = new StringBuilder(text!.Length);
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            var lineBreakOfCrLf = rune.Value == '\n' && i > 0 && text[i - 1] == '\r'; // the CR before it gave the line break
            if (!IsControl(rune)) clean.Append(text.AsSpan(i, length));
            else if (rune.Value == '\t') clean.Append(note ? '\t' : ' ');
            else if (rune.Value is '\n' or '\r' && !lineBreakOfCrLf) clean.Append(note ? '\n' : ' ');
            i += length;
        }
        return clean.ToString();
    }
}
