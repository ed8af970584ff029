using System.Globalization;
using LumoFlow.Domain.Calendar;

namespace LumoFlow.Domain.Messaging;

/// <summary>
/// How many URGENT emails a team's on-call address gets one by one in an hour (issue 22, Abuse): anyone may notify,
/// so a flood of red-flagged notifications would otherwise bury on-call's inbox under alerts. Past the cap, the rest
/// of the hour's are held and go together in one summary email when the hour ends (<see cref="OnCallSummary"/>) — none
/// is dropped, and each case still shows its own alert. The hours are whole UTC hours.
/// </summary>
/// <remarks>
/// The cap is per team across cases, so it cannot live in a case's workflow (which knows only its case): the
/// workflow queues each alert in the case's outbox as before, and the email's delivery counts it against its team's
/// hour. This type holds the rules; the host keeps the count.
/// </remarks>
/// <param name="PerHour">URGENT emails a team's on-call gets one by one in an hour; 0 or less: no cap.</param>
public sealed record OnCallCap(int PerHour = OnCallCap.DefaultPerHour)
{
    public const int DefaultPerHour = 10;

    /// <summary>The kinds the cap counts: the red flag's alert at intake, and the urgency ladder's step to on-call.</summary>
    public static IReadOnlySet<string> Kinds { get; } = new HashSet<string>(StringComparer.Ordinal) { "Urgent", nameof(StaffNotice.UrgencyOnCall) };

    /// <summary>How long after its hour's end a summary is sent: a delivery a moment late still makes it in.</summary>
    public static readonly TimeSpan SummaryGrace = TimeSpan.FromMinutes(1);

    /// <summary>Whether an email of <paramref name="kind"/> counts against the cap.</summary>
    public bool Applies(string kind) => PerHour > 0 && Kinds.Contains(kind);

    /// <summary>The start of the (UTC) hour <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The hour as a key that sorts in time order: <c>yyyyMMddHH</c>, UTC.</summary>
    public static string HourKey(DateTimeOffset at) => HourOf(at).UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    /// <summary>The hour a key names.</summary>
    public static DateTimeOffset HourOfKey(string key) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(key, "yyyyMMddHH", CultureInfo.InvariantCulture), DateTimeKind.Utc));

    /// <summary>When the summary of the hour that <paramref name="at"/> falls in is due.</summary>
    public static DateTimeOffset SummaryDue(DateTimeOffset at) => HourOf(at).AddHours(1) + SummaryGrace;
}

/// <summary>One URGENT email held for its hour's summary: the case reference and what the email was.</summary>
public sealed record HeldNotice(string CaseId, string Kind);

/// <summary>
/// The one email on-call gets for an hour's URGENT emails past the cap (<see cref="OnCallCap"/>): how many, and for
/// each a case reference, what it was and its link — nothing about any child, as in every email.
/// </summary>
public static class OnCallSummary
{
    public const string Kind = "OnCallSummary";

    /// <param name="hour">The start of the hour (any offset; shown in Helsinki time).</param>
    /// <param name="perHour">The cap, which the email names.</param>
    public static EmailTemplates.Text Text(string language, DateTimeOffset hour, int perHour, IReadOnlyList<HeldNotice> held,
        Func<string, string> caseLink)
    {
        var from = TimeZoneInfo.ConvertTime(hour, HelsinkiTime.Zone);
        var day = from.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        var hours = $"{from:HH}–{from.AddHours(1):HH}";
        string Lines(string lang) => string.Join("\n", held.Select(h => $"- {h.CaseId}: {What(h.Kind, lang)}: {caseLink(h.CaseId)}"));
        var count = held.Count.ToString(CultureInfo.InvariantCulture);
        var cap = perHour.ToString(CultureInfo.InvariantCulture);
        return language switch
        {
            "sv" => new($"BRÅDSKANDE: ytterligare {count} larm till jouren under timmen {day} kl. {hours} – sammandrag",
                $"""
                BRÅDSKANDE. Under timmen {day} kl. {hours} (Helsingforstid) kom fler än {cap} brådskande larm till jouren.
                De {count} som följde skickades inte ett och ett, utan här tillsammans.
                Bedöm behovet av brådskande barnskydd genast i varje ärende:
                {Lines("sv")}
                """),
            "en" => new($"URGENT: {count} more alerts to on-call in the hour {day} {hours} – summary",
                $"""
                URGENT. In the hour {day} {hours} (Helsinki time) on-call got more than {cap} urgent alerts.
                The {count} that followed were not sent one by one, but together here.
                Assess the need for urgent child welfare now in each case:
                {Lines("en")}
                """),
            _ => new($"KIIREELLINEN: {count} hälytystä lisää päivystykseen tunnilla {day} klo {hours} – koonti",
                $"""
                KIIREELLINEN. Tunnilla {day} klo {hours} (Helsingin aikaa) päivystykseen tuli yli {cap} kiireellistä hälytystä.
                Niitä seuranneita {count} ei lähetetty yksitellen, vaan tässä yhdessä.
                Arvioi kiireellisen lastensuojelun tarve heti jokaisessa asiassa:
                {Lines("fi")}
                """),
        };
    }

    private static string What(string kind, string language) => (kind, language) switch
    {
        ("Urgent", "sv") => "ny anmälan, barnet kan vara i fara",
        ("Urgent", "en") => "a new notification, the child may be in danger",
        ("Urgent", _) => "uusi ilmoitus, lapsi voi olla vaarassa",
        (_, "sv") => "brådskandet har inte bedömts i tid",
        (_, "en") => "urgency not assessed in time",
        _ => "kiireellisyyttä ei ole arvioitu ajoissa",
    };
}
