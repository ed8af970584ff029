using System.Globalization;
using System.Text;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Messaging;

namespace LumoFlow.Domain.Workflow;

/// <summary>An open case past one of its statutory deadlines, as a digest lists it.</summary>
public sealed record OverdueCase(string CaseId, string Deadline, DateOnly Due);

/// <summary>
/// The weekly overdue digest to each team lead: every open case past its decision (LSL § 26(5)) or assessment
/// (SHL § 36(3)) deadline, by reference and date only. Sent on Monday mornings (Helsinki), once per team and week.
/// </summary>
public static class OverdueDigest
{
    /// <summary>The Monday of the digest week that has begun at <paramref name="now"/>: digests go out from Monday at the schedule's morning hour.</summary>
    public static DateOnly WeekStarting(DateTimeOffset now, ReminderSchedule schedule)
    {
        var today = HelsinkiTime.LocalDate(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return now >= HelsinkiTime.AtLocalTime(monday, schedule.MorningAt) ? monday : monday.AddDays(-7);
    }

    /// <summary>Which deadline an open case has missed, if any.</summary>
    public static OverdueCase? Of(CaseState state)
    {
        if (!state.IsOpen || state.Deadlines is null) return null;
        if (state.AssessmentOverdue) return new OverdueCase(state.CaseId, "assessment", state.Deadlines.AssessmentDue);
        if (state.DecisionOverdue && state.Phase == CasePhase.AwaitingDecision) return new OverdueCase(state.CaseId, "decision", state.Deadlines.DecisionDue);
        return null;
    }

    public static EmailTemplates.Text Text(string language, string teamName, DateOnly week, IReadOnlyList<OverdueCase> cases, Func<string, string> caseLink)
    {
        var (subject, intro, decision, assessment) = language switch
        {
            "sv" => ("Veckosammanfattning: försenade ärenden", "Öppna ärenden vars lagstadgade tidsfrist har gått ut", "beslut om bedömning", "bedömningen av servicebehovet"),
            "en" => ("Weekly digest: overdue cases", "Open cases past a statutory deadline", "decision on the assessment", "service-need assessment"),
            _ => ("Viikkokooste: myöhässä olevat asiat", "Avoimet asiat, joiden lakisääteinen määräaika on ylittynyt", "päätös arvioinnin aloittamisesta", "palvelutarpeen arviointi"),
        };
        var body = new StringBuilder($"{intro} – {teamName}, {week.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}: {cases.Count}\n\n");
        foreach (var c in cases.OrderBy(c => c.Due).ThenBy(c => c.CaseId))
        {
            var deadline = c.Deadline == "decision" ? decision : assessment;
            var due = c.Due.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"- {c.CaseId}: {deadline} {due} – {caseLink(c.CaseId)}\n");
        }
        return new EmailTemplates.Text($"{subject} ({teamName}, {cases.Count})", body.ToString());
    }
}
