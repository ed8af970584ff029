using System.Globalization;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Overview;

namespace LumoFlow.Domain.Messaging;

/// <summary>
/// The daily check's email to the administrators' address (<see cref="DailyCheck"/>): case references, finding codes
/// and times, what was mended, and a link to the dashboard — nothing about any child.
/// </summary>
public static class CheckReportText
{
    /// <param name="mended">"caseId action" lines: what the check set right itself.</param>
    public static EmailTemplates.Text Of(string language, DateTimeOffset checkedAt, IReadOnlyList<CheckFinding> findings,
        IReadOnlyList<string> mended, string dashboardLink)
    {
        var lines = string.Join("\n", findings.Select(f => $"{f.CaseId}  {f.Code}  {Time(f.Since)}"));
        var mendedLines = mended.Count == 0 ? "-" : string.Join("\n", mended);
        var at = Time(checkedAt);
        return language switch
        {
            "sv" => new($"LumoFlow: dagliga kontrollen av tidsfrister – {findings.Count} fynd",
                $"Kontrollen {at} (Helsingforstid) hittade:\n\n{lines}\n\nÅtgärdat av kontrollen:\n{mendedLines}\n\nKoder: engineFailed = motorns instans har fallerat eller saknas; deadlinePassedUnescalated = en tidsfrist har passerat utan eskalering; urgencyUnassessed = brådskandet är inte bedömt; emailStuck = ett e-postmeddelande har inte skickats.\n\nÖversikt: {dashboardLink}\n"),
            "en" => new($"LumoFlow: the daily deadline check – {findings.Count} findings",
                $"The check at {at} (Helsinki time) found:\n\n{lines}\n\nMended by the check:\n{mendedLines}\n\nCodes: engineFailed = the engine's instance failed or is missing; deadlinePassedUnescalated = a deadline passed without its escalation; urgencyUnassessed = urgency not assessed; emailStuck = an email was not sent.\n\nDashboard: {dashboardLink}\n"),
            _ => new($"LumoFlow: päivittäinen määräaikatarkistus – {findings.Count} havaintoa",
                $"Tarkistus {at} (Helsingin aikaa) löysi:\n\n{lines}\n\nTarkistus korjasi itse:\n{mendedLines}\n\nKoodit: engineFailed = moottorin instanssi on kaatunut tai puuttuu; deadlinePassedUnescalated = määräaika meni ohi ilman eskalointia; urgencyUnassessed = kiireellisyyttä ei ole arvioitu; emailStuck = sähköposti on jäänyt lähettämättä.\n\nHallintanäkymä: {dashboardLink}\n"),
        };
    }

    private static string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, HelsinkiTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
