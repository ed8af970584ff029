using System.Globalization;

namespace LumoFlow.Domain.Messaging;

/// <summary>What a reminder or escalation to staff is about.</summary>
public enum StaffNotice
{
    /// <summary>LSL § 26(2): urgency not recorded in time — to the team lead.</summary>
    UrgencyEscalation,
    /// <summary>LSL § 26(2): urgency still not recorded — to the on-call address.</summary>
    UrgencyOnCall,
    DecisionReminder,
    DecisionEscalation,
    NotifierContactReminder,
    InformFamilyReminder,
    AssessmentReminder,
    AssessmentEscalation,
    PartnerNotAnswering,
    /// <summary>THL: the child and the guardians not told by <c>decisionDue</c> — to the team lead.</summary>
    InformFamilyEscalation,
    /// <summary>LSL § 25(3): the police report not recorded — to the team lead.</summary>
    PoliceReportEscalation,
    /// <summary>LSL § 27(3): the family not told of client status — to the team lead.</summary>
    ClientStatusNoticeEscalation,
    /// <summary>A case decided or completed still has duties left before it ends — to the social worker.</summary>
    ClosingReminder,
}

/// <summary>
/// Reminders and escalations to social workers and team leads, in fi, sv and en. Like every email: a case reference,
/// what is due and when, and a link — nothing about the child or the concern.
/// </summary>
public static class StaffNotices
{
    private static readonly Dictionary<StaffNotice, (string Fi, string Sv, string En)> What = new()
    {
        [StaffNotice.UrgencyEscalation] = (
            "Eskalointi: lapsen mahdollisen kiireellisen lastensuojelun tarvetta ei ole vielä arvioitu (LSL 26 § 2 mom.)",
            "Eskalering: barnets eventuella brådskande behov av barnskydd har ännu inte bedömts (BsL 26 § 2 mom.)",
            "Escalation: the child's possible urgent need for child welfare has not been assessed yet (LSL § 26(2))"),
        [StaffNotice.UrgencyOnCall] = (
            "KIIREELLINEN: lapsen mahdollisen kiireellisen lastensuojelun tarvetta ei ole arvioitu – arvioi heti (LSL 26 § 2 mom.)",
            "BRÅDSKANDE: barnets eventuella brådskande behov av barnskydd har inte bedömts – bedöm genast (BsL 26 § 2 mom.)",
            "URGENT: the child's possible urgent need for child welfare has not been assessed – assess it now (LSL § 26(2))"),
        [StaffNotice.DecisionReminder] = (
            "Muistutus: päätös palvelutarpeen arvioinnin aloittamisesta erääntyy",
            "Påminnelse: beslut om att inleda bedömning av servicebehovet ska fattas senast",
            "Reminder: the decision whether to start the service-need assessment is due"),
        [StaffNotice.DecisionEscalation] = (
            "Eskalointi: päätöstä arvioinnin aloittamisesta ei ole kirjattu, määräaika on tänään",
            "Eskalering: inget beslut om bedömning har registrerats, tidsfristen går ut i dag",
            "Escalation: no decision on starting the assessment has been recorded; the deadline is today"),
        [StaffNotice.NotifierContactReminder] = (
            "Muistutus: ilmoittajaan ei ole vielä oltu yhteydessä",
            "Påminnelse: anmälaren har ännu inte kontaktats",
            "Reminder: the notifier has not been contacted yet"),
        [StaffNotice.InformFamilyReminder] = (
            "Muistutus: lapselle ja huoltajille ei ole kerrottu ilmoituksesta, määräaika",
            "Påminnelse: barnet och vårdnadshavarna har inte informerats om anmälan, tidsfrist",
            "Reminder: the child and guardians have not been told about the notification; due"),
        [StaffNotice.AssessmentReminder] = (
            "Muistutus: palvelutarpeen arvioinnin on valmistuttava viimeistään",
            "Påminnelse: bedömningen av servicebehovet ska vara klar senast",
            "Reminder: the service-need assessment must be completed by"),
        [StaffNotice.AssessmentEscalation] = (
            "Eskalointi: palvelutarpeen arvioinnin määräaika on ylittynyt",
            "Eskalering: tidsfristen för bedömningen av servicebehovet har överskridits",
            "Escalation: the service-need assessment deadline has passed"),
        [StaffNotice.PartnerNotAnswering] = (
            "Yhteistyötaho ei ole vastannut pyyntöön (kaksi muistutusta lähetetty)",
            "Samarbetspartnern har inte svarat på begäran (två påminnelser skickade)",
            "A partner has not answered the request (two reminders sent)"),
        [StaffNotice.InformFamilyEscalation] = (
            "Eskalointi: lapselle ja huoltajille ei ole kerrottu lastensuojeluilmoituksesta, määräaika",
            "Eskalering: barnet och vårdnadshavarna har inte informerats om barnskyddsanmälan, tidsfrist",
            "Escalation: the child and the guardians have not been told of the notification, due"),
        [StaffNotice.PoliceReportEscalation] = (
            "Eskalointi: rikosepäilystä ei ole kirjattu ilmoitusta poliisille (LSL 25 § 3 mom.)",
            "Eskalering: ingen anmälan till polisen har registrerats om misstanken om brott (BsL 25 § 3 mom.)",
            "Escalation: no police report is recorded for the suspected offence (LSL § 25(3))"),
        [StaffNotice.ClosingReminder] = (
            "Muistutus: asia odottaa päättymistä, lain velvoitteita on tekemättä",
            "Påminnelse: ärendet väntar på att avslutas, lagens skyldigheter återstår",
            "Reminder: the case waits to end, the law's duties are left to do"),
        [StaffNotice.ClientStatusNoticeEscalation] = (
            "Eskalointi: lastensuojelun asiakkuuden alkamisesta ei ole kerrottu lapselle ja huoltajille (LSL 27 § 3 mom.)",
            "Eskalering: barnet och vårdnadshavarna har inte informerats om att klientskapet inom barnskyddet börjat (BsL 27 § 3 mom.)",
            "Escalation: the child and the guardians have not been told that child-welfare client status began (LSL § 27(3))"),
    };

    public static EmailTemplates.Text Text(StaffNotice notice, string language, string caseReference, DateOnly? due, string caseLink)
    {
        var (fi, sv, en) = What[notice];
        var dueText = due is { } d ? " " + d.ToString("d.M.yyyy", CultureInfo.InvariantCulture) : "";
        return language switch
        {
            "sv" => new($"{sv}{dueText} – ärende {caseReference}", $"{sv}{dueText}.\nÄrende: {caseReference}\nÖppna ärendet: {caseLink}\n"),
            "en" => new($"{en}{dueText} – case {caseReference}", $"{en}{dueText}.\nCase: {caseReference}\nOpen the case: {caseLink}\n"),
            _ => new($"{fi}{dueText} – asia {caseReference}", $"{fi}{dueText}.\nAsia: {caseReference}\nAvaa asia: {caseLink}\n"),
        };
    }
}
