using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Messaging;

/// <summary>What an email is (an <c>EmailQueued</c> history entry names it as its <c>kind</c>), in words for the timeline.</summary>
public static class EmailKinds
{
    public static readonly Vocabulary All = new()
    {
        { "Receipt", new("Vastaanottokuittaus ilmoittajalle", "Mottagningskvitto till anmälaren", "Receipt to the notifier") },
        { "Urgent", new("Kiireellinen hälytys päivystykseen", "Brådskande larm till jouren", "Urgent alert to on-call") },
        { OnCallSummary.Kind, new("Päivystyksen tunnin koonti kiireellisistä hälytyksistä", "Jourens sammandrag av timmens brådskande larm",
            "On-call's summary of the hour's urgent alerts") },
        { "NotifierDecision", new("Palaute ilmoittajalle: ilmoitus käsitelty", "Återkoppling till anmälaren: anmälan behandlad", "Feedback to the notifier: notification processed") },
        { "PartnerRequest", new("Pyyntö yhteistyötaholle", "Begäran till samarbetspart", "Request to a partner") },
        { "PartnerReminder", new("Muistutus yhteistyötaholle", "Påminnelse till samarbetspart", "Reminder to a partner") },
        { nameof(StaffNotice.UrgencyEscalation), new("Eskalointi: kiireellisyys arvioimatta", "Eskalering: brådskandet obedömt", "Escalation: urgency not assessed") },
        { nameof(StaffNotice.UrgencyOnCall), new("Päivystykseen: kiireellisyys arvioimatta", "Till jouren: brådskandet obedömt", "To on-call: urgency not assessed") },
        { nameof(StaffNotice.DecisionReminder), new("Muistutus: päätös erääntyy", "Påminnelse: beslutet ska fattas", "Reminder: decision due") },
        { nameof(StaffNotice.DecisionEscalation), new("Eskalointi: päätös puuttuu", "Eskalering: beslut saknas", "Escalation: no decision") },
        { nameof(StaffNotice.NotifierContactReminder), new("Muistutus: ota yhteyttä ilmoittajaan", "Påminnelse: kontakta anmälaren", "Reminder: contact the notifier") },
        { nameof(StaffNotice.InformFamilyReminder), new("Muistutus: kerro lapselle ja huoltajille", "Påminnelse: informera barnet och vårdnadshavarna",
            "Reminder: tell the child and guardians") },
        { nameof(StaffNotice.AssessmentReminder), new("Muistutus: arviointi erääntyy", "Påminnelse: bedömningen ska bli klar", "Reminder: assessment due") },
        { nameof(StaffNotice.AssessmentEscalation), new("Eskalointi: arviointi myöhässä", "Eskalering: bedömningen försenad", "Escalation: assessment overdue") },
        { nameof(StaffNotice.PartnerNotAnswering), new("Yhteistyötaho ei ole vastannut", "Samarbetsparten har inte svarat", "A partner has not answered") },
        { nameof(StaffNotice.InformFamilyEscalation), new("Eskalointi: lapselle ja huoltajille ei kerrottu", "Eskalering: barnet och vårdnadshavarna inte informerade",
            "Escalation: child and guardians not told") },
        { nameof(StaffNotice.PoliceReportEscalation), new("Eskalointi: ilmoitus poliisille puuttuu", "Eskalering: anmälan till polisen saknas", "Escalation: no police report") },
        { nameof(StaffNotice.ClosingReminder), new("Muistutus: päättyvän asian velvoitteet", "Påminnelse: skyldigheter i ett ärende som avslutas",
            "Reminder: a closing case's duties") },
        { nameof(StaffNotice.ClientStatusNoticeEscalation), new("Eskalointi: asiakkuudesta ei kerrottu", "Eskalering: klientskapet inte meddelat",
            "Escalation: client status not told") },
    };
}
