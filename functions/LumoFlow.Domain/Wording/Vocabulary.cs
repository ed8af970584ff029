using System.Collections;

namespace LumoFlow.Domain.Wording;

/// <summary>
/// A closed set of codes — what the API, the records and the history carry (<c>phone</c>, <c>school</c>,
/// <c>AwaitingDecision</c>) — each with its words. The order is the order forms offer them in.
/// </summary>
public sealed class Vocabulary : IEnumerable<(string Code, Phrase Words)>
{
    private readonly List<(string Code, Phrase Words)> _entries = [];
    private readonly Dictionary<string, Phrase> _byCode = new(StringComparer.Ordinal);

    /// <summary>For the collection initializer: <c>new Vocabulary { { "phone", new("Puhelin", "Telefon", "Phone") } }</c>.</summary>
    public void Add(string code, Phrase words)
    {
        _byCode.Add(code, words);
        _entries.Add((code, words));
    }

    public IReadOnlyList<string> Codes => _entries.Select(e => e.Code).ToList();

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    /// <summary>The words for <paramref name="code"/>, or null for a code outside the set.</summary>
    public Phrase? WordsFor(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The code in words in <paramref name="language"/>; a code outside the set is shown as it is.</summary>
    public string Say(string code, string language) => WordsFor(code)?.In(language) ?? code;

    public IEnumerator<(string Code, Phrase Words)> GetEnumerator() => _entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
