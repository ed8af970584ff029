using System.Globalization;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Overview;
using LumoFlow.Domain.Workflow;
using LumoFlow.Domain.Wording;

namespace LumoFlow.App.Web.Words;

/// <summary>
/// A case's codes in the reader's words, as the staff pages and the dashboard both show them: an open obligation (a
/// partner's with who it is), and each history entry with its details — yes or no, a Helsinki date or time, a team's
/// name, the words of a known value (a kind, an outcome, a channel, an email), else the value itself (an id).
/// </summary>
public static class CaseWording
{
    /// <summary>The vocabularies a detail's value may come from, looked up in this order.</summary>
    private static readonly Vocabulary[] Values =
    [
        NotificationKinds.All, NotifierTypes.All, PartnerKinds.All, EmailKinds.All, ContactChannels.All, Outcomes.OfCase,
        PhaseWords.Phases, DeadlineWords.Kinds, FamilyRoles.All, ClientStatusReasons.All, UrgentMeasures.All, PoliceInformers.All,
    ];

    /// <summary>
    /// An intake flag (<c>path: code</c>, what was kept as given but looked wrong) as the field and the reader's words
    /// for what is wrong with it; a code without words shows as it is.
    /// </summary>
    public static (string Field, string Problem) Flag(string flag, string language)
    {
        var at = flag.IndexOf(": ", StringComparison.Ordinal);
        var (field, code) = at < 0 ? ("", flag) : (flag[..at], flag[(at + 2)..]);
        return Enum.TryParse<LumoFlow.Domain.Validation.ProblemCode>(code, out var known) && LumoFlow.Domain.Validation.ProblemWords.Has(known)
            ? (field, new LumoFlow.Domain.Validation.FieldProblem(known).In(language))
            : (field, code);
    }

    /// <summary>The vocabulary of a detail whose key names it.</summary>
    private static readonly Dictionary<string, Vocabulary> ByKey = new(StringComparer.Ordinal)
    {
        ["by"] = PoliceInformers.All,
        ["who"] = FamilyRoles.All,
        ["measure"] = UrgentMeasures.All,
    };

    /// <summary>An open obligation; a partner's names the request, its kind and organisation when the case is at hand.</summary>
    public static string Obligation(string code, CaseState? state, string language)
    {
        var text = ObligationWords.Say(code, language);
        return ObligationWords.RequestOf(code) is { } requestId && state?.Partners.FirstOrDefault(p => p.Id == requestId) is { } partner
            ? $"{text}: {partner.Id} {PartnerKinds.All.Say(partner.Kind, language)} ({partner.Organisation})"
            : text;
    }

    /// <summary>What the timeline says an entry is.</summary>
    public static string Entry(string eventType, string language) => HistoryWords.Entry(eventType)?.In(language) ?? eventType;

    /// <summary>An entry's details; a refused event's as the form's refusal says it.</summary>
    public static string Details(IReadOnlyDictionary<string, string>? details, string eventType, CaseState? state, Func<string, string> teamName, string language)
    {
        if (details is null) return "";
        if (eventType == "EventRefused" && details.TryGetValue("event", out var eventName)
            && Enum.TryParse<RefusalCode>(details.GetValueOrDefault("code"), out var code)
            && Enum.TryParse<CasePhase>(details.GetValueOrDefault("phase"), out var phase))
        {
            var text = $"{Entry(eventName, language)}: {RefusalWords.Say(language, code, details.GetValueOrDefault("subject"), eventName, phase)}";
            return details.GetValueOrDefault("missing") is { Length: > 0 } missing
                ? $"{text} {HistoryWords.Detail("missing")!.In(language)}: {string.Join("; ", missing.Split(',').Select(m => Obligation(m, state, language)))}"
                : text;
        }
        return string.Join(", ", details.Select(d => Detail(d.Key, d.Value, teamName, language)));
    }

    /// <summary>One detail as a label and a value.</summary>
    public static string Detail(string key, string value, Func<string, string> teamName, string language)
    {
        var label = HistoryWords.Detail(key)?.In(language) ?? key;
        var shown = value switch
        {
            "true" => CommonWords.Yes.In(language),
            "false" => CommonWords.No.In(language),
            _ when key == "team" => teamName(value),
            // Codes that mean something else in another vocabulary (a partner of the kind "police"): the key says which.
            _ when ByKey.TryGetValue(key, out var vocabulary) && vocabulary.WordsFor(value) is { } words => words.In(language),
            _ when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => WebPage.Date(date),
            _ when value.Length >= 19 && value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
                WebPage.DateTime(at),
            _ => Values.Select(v => v.WordsFor(value)).FirstOrDefault(w => w is not null)?.In(language) ?? value,
        };
        return $"{label}: {shown}";
    }
}
