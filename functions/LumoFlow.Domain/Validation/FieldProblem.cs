using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Validation;

/// <summary>
/// What is wrong with one field, as a stable code (like a workflow refusal's <c>RefusalCode</c>) and what the message
/// needs (its <see cref="Arguments"/>): a number, a list, an example. The API answers the English sentence (and the code); a page says it in its
/// reader's language — by the code, never by matching the English.
/// </summary>
public sealed record FieldProblem(ProblemCode Code, params string[] Arguments)
{
    /// <summary>The message in <paramref name="language"/>.</summary>
    public string In(string language) => ProblemWords.For(Code).In(language, Arguments);

    /// <summary>The API's message (English).</summary>
    public string English => In("en");

    public override string ToString() => English;
}

/// <summary>
/// Problems with what a person or a client sent, keyed by field (its JSON path, <c>children[0].identityCode</c>), so
/// that every message lands on its field and the whole list is answered at once.
/// </summary>
public sealed class FieldProblems
{
    private readonly Dictionary<string, List<FieldProblem>> _byField = new(StringComparer.Ordinal);

    public void Add(string field, ProblemCode code, params string[] arguments) => Add(field, new FieldProblem(code, arguments));

    public void Add(string field, FieldProblem problem)
    {
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(problem);
    }

    /// <summary>Takes over <paramref name="inner"/>'s problems, each field under <paramref name="prefix"/> (<c>partner.email</c>).</summary>
    public void AddAll(FieldProblems inner, string? prefix = null)
    {
        foreach (var (field, problems) in inner._byField)
            foreach (var problem in problems) Add(prefix is null ? field : $"{prefix}.{field}", problem);
    }

    public int Count => _byField.Count;

    public bool Has(string field) => _byField.ContainsKey(field);

    public IReadOnlyDictionary<string, IReadOnlyList<FieldProblem>> ByField =>
        _byField.ToDictionary(p => p.Key, p => (IReadOnlyList<FieldProblem>)p.Value, StringComparer.Ordinal);

    /// <summary>The API's shape: each field's messages in English (ASP.NET Core's validation problem details).</summary>
    public IReadOnlyDictionary<string, string[]> English =>
        _byField.ToDictionary(p => p.Key, p => p.Value.Select(m => m.English).ToArray(), StringComparer.Ordinal);

    /// <summary>Each field's codes, for a client to branch on (the problem details' <c>codes</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Codes =>
        _byField.ToDictionary(p => p.Key, p => p.Value.Select(m => m.Code.ToString()).ToArray(), StringComparer.Ordinal);
}
