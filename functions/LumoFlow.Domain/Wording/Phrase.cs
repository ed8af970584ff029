using System.Globalization;

namespace LumoFlow.Domain.Wording;

/// <summary>
/// Words in the three languages LumoFlow speaks: Finnish, Swedish and English. The one way every page, every label and
/// every message is translated: a phrase has all three, or it does not compile. A phrase with <c>{0}</c> is formatted
/// (culture-invariant).
/// </summary>
public sealed record Phrase(string Fi, string Sv, string En)
{
    /// <summary>The languages, Finnish first (the default).</summary>
    public static readonly IReadOnlyList<string> Languages = ["fi", "sv", "en"];

    /// <summary>Whether <paramref name="language"/> is one LumoFlow speaks.</summary>
    public static bool IsLanguage(string? language) => language is "fi" or "sv" or "en";

    /// <summary>The words in <paramref name="language"/> (fi, sv or en; Finnish for anything else).</summary>
    public string In(string language) => language switch { "sv" => Sv, "en" => En, _ => Fi };

    /// <summary>The words in <paramref name="language"/> with <paramref name="args"/> put in place of <c>{0}</c>, <c>{1}</c>, ….</summary>
    public string In(string language, params object?[] args) => string.Format(CultureInfo.InvariantCulture, In(language), args);

    /// <summary>This phrase with <paramref name="args"/> put in place, in every language.</summary>
    public Phrase With(params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, Fi, args),
            string.Format(CultureInfo.InvariantCulture, Sv, args),
            string.Format(CultureInfo.InvariantCulture, En, args));
}
