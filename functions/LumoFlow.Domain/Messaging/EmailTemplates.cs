using System.Globalization;

namespace LumoFlow.Domain.Messaging;

/// <summary>
/// The text of every email LumoFlow sends, in Finnish, Swedish and English.
/// Rule for every template: a case reference, what is due and when, and a link for staff —
/// never the child's name, identity code or the concern (email is not a secure channel; THL).
/// </summary>
public static class EmailTemplates
{
    public sealed record Text(string Subject, string Body);

    /// <summary>Receipt to the notifier: the notification arrived and what happens next (THL feedback practice).</summary>
    public static Text Receipt(string language, string caseReference, DateOnly decisionDue) => language switch
    {
        "sv" => new($"Din barnskyddsanmälan har tagits emot ({caseReference})",
            $"""
            Din barnskyddsanmälan har tagits emot. Referens: {caseReference}.

            Vad händer härnäst: socialarbetaren bedömer genast om barnet behöver brådskande skydd. Senast {Date(decisionDue)} (den 7:e vardagen) beslutar socialarbetaren om en bedömning av servicebehovet inleds.
            Om du gav dina kontaktuppgifter kontaktar socialarbetaren dig. Om oron fortsätter, gör en ny anmälan.

            Svara inte på detta meddelande. Skicka aldrig uppgifter om barnet per e-post.
            """),
        "en" => new($"Your child welfare notification has been received ({caseReference})",
            $"""
            Your child welfare notification has been received. Reference: {caseReference}.

            What happens next: a social worker assesses at once whether the child needs urgent protection. By {Date(decisionDue)} (the 7th working day) the social worker decides whether a service-need assessment is started.
            If you gave your contact details, the social worker will contact you. If the concern continues, please make a new notification.

            Do not reply to this message. Never send information about the child by email.
            """),
        _ => new($"Lastensuojeluilmoituksesi on vastaanotettu ({caseReference})",
            $"""
            Lastensuojeluilmoituksesi on vastaanotettu. Viite: {caseReference}.

            Mitä seuraavaksi: sosiaalityöntekijä arvioi välittömästi, tarvitseeko lapsi kiireellistä suojelua. Viimeistään {Date(decisionDue)} (7. arkipäivä) sosiaalityöntekijä päättää, aloitetaanko palvelutarpeen arviointi.
            Jos annoit yhteystietosi, sosiaalityöntekijä ottaa sinuun yhteyttä. Jos huoli jatkuu, tee uusi ilmoitus.

            Älä vastaa tähän viestiin. Älä koskaan lähetä lapsen tietoja sähköpostilla.
            """),
    };

    /// <summary>Receipt for a pre-birth notification (LSL § 25 c): the case opens only after the birth.</summary>
    public static Text PreBirthReceipt(string language, string caseReference) => language switch
    {
        "sv" => new($"Din föregripande barnskyddsanmälan har tagits emot ({caseReference})",
            $"Din föregripande barnskyddsanmälan har tagits emot. Referens: {caseReference}.\n\nBrådskande behov av stöd bedöms genast av socialjouren. Barnskyddsärendet inleds först när barnet har fötts.\nSvara inte på detta meddelande. Skicka aldrig uppgifter om familjen per e-post.\n"),
        "en" => new($"Your pre-birth child welfare notification has been received ({caseReference})",
            $"Your pre-birth child welfare notification has been received. Reference: {caseReference}.\n\nAn urgent need for support is assessed at once by on-call social services. The child welfare case opens only after the child is born.\nDo not reply to this message. Never send information about the family by email.\n"),
        _ => new($"Ennakollinen lastensuojeluilmoituksesi on vastaanotettu ({caseReference})",
            $"Ennakollinen lastensuojeluilmoituksesi on vastaanotettu. Viite: {caseReference}.\n\nSosiaalipäivystys arvioi kiireellisen tuen tarpeen välittömästi. Lastensuojeluasia tulee vireille vasta lapsen synnyttyä.\nÄlä vastaa tähän viestiin. Älä koskaan lähetä perheen tietoja sähköpostilla.\n"),
    };

    /// <summary>
    /// Urgent alert to the team's on-call address (LSL § 26(2)): a notification with a red flag — the child said to be
    /// in immediate danger, an offence against the child suspected, or a red-flag reason (<see cref="Workflow.UrgencySchedule"/>).
    /// Which flag is not said: that is the notification's content.
    /// </summary>
    public static Text Urgent(string language, string caseReference, string caseLink) => language switch
    {
        "sv" => new($"BRÅDSKANDE: barnskyddsanmälan {caseReference} – barnet kan vara i fara",
            $"""
            BRÅDSKANDE. En barnskyddsanmälan med tecken på att barnet kan behöva brådskande skydd har tagits emot.
            Referens: {caseReference}
            Bedöm behovet av brådskande barnskydd genast: {caseLink}
            """),
        "en" => new($"URGENT: child welfare notification {caseReference} – the child may be in danger",
            $"""
            URGENT. A child welfare notification with signs that the child may need urgent protection has been received.
            Reference: {caseReference}
            Assess the need for urgent child welfare now: {caseLink}
            """),
        _ => new($"KIIREELLINEN: lastensuojeluilmoitus {caseReference} – lapsi voi olla vaarassa",
            $"""
            KIIREELLINEN. On vastaanotettu lastensuojeluilmoitus, jonka mukaan lapsi voi tarvita kiireellistä suojelua.
            Viite: {caseReference}
            Arvioi kiireellisen lastensuojelun tarve heti: {caseLink}
            """),
    };

    private static string Date(DateOnly date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
}
