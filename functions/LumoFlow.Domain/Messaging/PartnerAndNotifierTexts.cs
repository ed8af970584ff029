using System.Globalization;

namespace LumoFlow.Domain.Messaging;

/// <summary>Emails to partners (SHL § 41) and the notifier's decision notice. The question itself is shown only behind the link.</summary>
public static class PartnerAndNotifierTexts
{
    public static EmailTemplates.Text PartnerRequest(string language, string caseReference, string link, DateOnly answerBy, bool reminder)
    {
        var by = answerBy.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        return language switch
        {
            "sv" => new($"{(reminder ? "Påminnelse: " : "")}Begäran om utlåtande i en bedömning av servicebehovet ({caseReference})",
                $"Socialarbetaren ber er delta i en bedömning av servicebehovet (socialvårdslagen 41 §).\nReferens: {caseReference}\nLäs frågan och svara senast {by} via denna engångslänk: {link}\nSvara inte per e-post.\n"),
            "en" => new($"{(reminder ? "Reminder: " : "")}Request for input to a service-need assessment ({caseReference})",
                $"The social worker asks you to take part in a service-need assessment (Social Welfare Act § 41).\nReference: {caseReference}\nRead the question and answer by {by} through this single-use link: {link}\nDo not answer by email.\n"),
            _ => new($"{(reminder ? "Muistutus: " : "")}Pyyntö osallistua palvelutarpeen arviointiin ({caseReference})",
                $"Sosiaalityöntekijä pyytää teitä osallistumaan palvelutarpeen arviointiin (sosiaalihuoltolaki 41 §).\nViite: {caseReference}\nLue kysymys ja vastaa viimeistään {by} tämän kertakäyttöisen linkin kautta: {link}\nÄlä vastaa sähköpostilla.\n"),
        };
    }

    /// <summary>
    /// Neutral feedback to a professional notifier (THL: feedback "in general terms"): the notification was processed
    /// and the social worker may be in touch — never the outcome, which is information about a social-welfare client.
    /// </summary>
    public static EmailTemplates.Text NotifierProcessed(string language, string caseReference) => language switch
    {
        "sv" => new($"Din barnskyddsanmälan har behandlats ({caseReference})",
            $"Din barnskyddsanmälan {caseReference} har behandlats. Socialarbetaren kan kontakta dig.\nOm oron fortsätter, gör en ny anmälan.\n"),
        "en" => new($"Your child welfare notification has been processed ({caseReference})",
            $"Your child welfare notification {caseReference} has been processed. The social worker may contact you.\nIf the concern continues, please make a new notification.\n"),
        _ => new($"Lastensuojeluilmoituksesi on käsitelty ({caseReference})",
            $"Lastensuojeluilmoituksesi {caseReference} on käsitelty. Sosiaalityöntekijä voi ottaa sinuun yhteyttä.\nJos huoli jatkuu, tee uusi ilmoitus.\n"),
    };

    /// <summary>
    /// The outcome told to a professional notifier: only with <c>LumoFlow:Feedback:TellOutcome</c> — no statute requires
    /// it and its legal basis is doubtful (docs/domain.md, Feedback to the notifier).
    /// </summary>
    public static EmailTemplates.Text NotifierDecision(string language, string caseReference, bool started) => language switch
    {
        "sv" => new($"Beslut om din barnskyddsanmälan ({caseReference})",
            started ? $"En bedömning av servicebehovet har inletts med anledning av din anmälan {caseReference}.\nOm oron fortsätter, gör en ny anmälan.\n"
                    : $"Med anledning av din anmälan {caseReference} inleds ingen bedömning av servicebehovet.\nOm oron fortsätter, gör en ny anmälan.\n"),
        "en" => new($"Decision on your child welfare notification ({caseReference})",
            started ? $"A service-need assessment has been started following your notification {caseReference}.\nIf the concern continues, please make a new notification.\n"
                    : $"No service-need assessment will be started following your notification {caseReference}.\nIf the concern continues, please make a new notification.\n"),
        _ => new($"Päätös lastensuojeluilmoituksestasi ({caseReference})",
            started ? $"Ilmoituksesi {caseReference} perusteella on aloitettu palvelutarpeen arviointi.\nJos huoli jatkuu, tee uusi ilmoitus.\n"
                    : $"Ilmoituksesi {caseReference} perusteella palvelutarpeen arviointia ei aloiteta.\nJos huoli jatkuu, tee uusi ilmoitus.\n"),
    };
}
