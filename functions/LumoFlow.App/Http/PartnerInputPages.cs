using LumoFlow.Domain.Workflow;
using LumoFlow.App.Cases;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using LumoFlow.App.Web;
using Microsoft.DurableTask.Client;
using static LumoFlow.App.Web.WebPage;

namespace LumoFlow.App.Http;

/// <summary>
/// SHL § 41: a partner answers through the single-use link from the request email. A plain HTML form, no login:
/// the link is the credential. A used, expired or withdrawn link gets a page that says so. The case is read as it
/// will be once what is on its way to it is applied, so an answer just sent already makes the link "used". The page
/// speaks the language the request was made in, unless the partner picks another from its language links.
/// </summary>
public sealed class PartnerInputPages(CaseRecords records, CaseLookup lookup, CaseEventGate gate, TimeProvider time)
{
    public const int MaxAnswer = 10_000;

    public Task<IResult> ShowAsync(string token, HttpContext http, CancellationToken cancellationToken) => StorageUnavailable.Guard(async () =>
    {
        var asked = WebPage.AskedLanguage(http.Request);
        var link = Link.Parse(token);
        if (link is null || link.Match(await gate.CurrentStateAsync(link.CaseId, cancellationToken)) is not (var state, var request))
            return Page(http, 404, asked ?? "fi", Texts.For(asked ?? "fi").InvalidTitle, Texts.For(asked ?? "fi").Invalid);
        var language = asked ?? request.Language;
        var t = Texts.For(language);
        if (WhyClosed(state, request, time.GetUtcNow(), t) is { } reason) return Page(http, 200, language, t.ClosedTitle, reason);

        var question = await records.GetDocumentAsync(state.CaseId, $"partner-{request.Id}-question", cancellationToken);
        return Page(http, 200, language, t.Title, $"""
            <p>{E(t.Intro)}</p>
            <dl class="facts"><dt>{E(t.Reference)}</dt><dd>{E(state.CaseId)}</dd>
            <dt>{E(t.Organisation)}</dt><dd>{E(request.Organisation)}</dd>
            <dt>{E(t.AnswerBy)}</dt><dd>{request.AnswerBy:d.M.yyyy}</dd></dl>
            <h2>{E(t.Question)}</h2>
            <p class="question pre notice">{E(question?.Text ?? "")}</p>
            <form method="post">
              <input type="hidden" name="lang" value="{E(language)}">
              <label for="answer">{E(t.Answer)}</label>
              <textarea id="answer" name="answer" rows="12" maxlength="{MaxAnswer}" required></textarea>
              <label for="respondentName">{E(t.Respondent)}</label>
              <input type="text" id="respondentName" name="respondentName" maxlength="200" autocomplete="name">
              <p><button type="submit">{E(t.Send)}</button></p>
            </form>
            """);
    });

    public Task<IResult> AnswerAsync(string token, HttpContext http, DurableTaskClient durable, CancellationToken cancellationToken) => StorageUnavailable.Guard(async () =>
    {
        var asked = WebPage.AskedLanguage(http.Request);
        if (!http.Request.HasFormContentType) return Page(http, 415, asked ?? "fi", Texts.For(asked ?? "fi").InvalidTitle, "Send the form.");
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var answer = form["answer"].ToString().Trim();
        var respondent = form["respondentName"].ToString().Trim();
        asked = WebPage.AskedLanguage(http.Request, form["lang"].FirstOrDefault());

        // One read of the case: the link checked against it, then the answer raised on it.
        var link = Link.Parse(token);
        if (link is null || await lookup.FindAsync(durable, link.CaseId, cancellationToken) is not { } found
            || link.Match(gate.CurrentState(found)) is not (_, var request))
            return Page(http, 404, asked ?? "fi", Texts.For(asked ?? "fi").InvalidTitle, Texts.For(asked ?? "fi").Invalid);
        var language = asked ?? request.Language;
        var t = Texts.For(language);
        if (answer.Length == 0 || answer.Length > MaxAnswer || respondent.Length > 200)
            return Page(http, 400, language, t.Title, t.AnswerMissing);

        var outcome = await gate.RaiseAsync(durable, found,
            new PartnerInputReceived(link.RequestId, link.Secret, answer, respondent.Length == 0 ? null : respondent) { Actor = "partner" }, cancellationToken);
        return outcome switch
        {
            WorkflowStep => Page(http, 200, language, t.ThanksTitle, t.Thanks),
            WorkflowRefusal { Kind: RefusalKind.InvalidInput } => Page(http, 404, language, t.InvalidTitle, t.Invalid),
            WorkflowRefusal { Kind: RefusalKind.CaseEnded } => Page(http, 200, language, t.ClosedTitle, t.CaseClosed),
            WorkflowRefusal { Code: RefusalCode.LinkUsed } => Page(http, 200, language, t.ClosedTitle, t.Used),
            WorkflowRefusal { Code: RefusalCode.LinkNotNeeded } => Page(http, 200, language, t.ClosedTitle, t.Waived),
            WorkflowRefusal { Code: RefusalCode.LinkExpired } => Page(http, 200, language, t.ClosedTitle, t.Expired),
            _ => Page(http, 404, language, t.InvalidTitle, t.Invalid),
        };
    });

    /// <summary>The emailed link's token, read once: which case, which request, and the secret that proves it.</summary>
    private sealed record Link(string CaseId, string RequestId, string Secret)
    {
        public static Link? Parse(string token) =>
            PartnerToken.TryParse(token, out var caseId, out var requestId, out var secret) && CaseIds.IsWellFormed(caseId)
                ? new Link(caseId, requestId, secret) : null;

        /// <summary>The request of the case the link is for, when the link's secret matches it.</summary>
        public (CaseState State, PartnerRequest Request)? Match(CaseState? state) =>
            state?.Partners.FirstOrDefault(p => p.Id == RequestId) is { } request && PartnerToken.Matches(Secret, request.Secret)
                ? (state, request) : null;
    }

    private static string? WhyClosed(CaseState state, PartnerRequest request, DateTimeOffset now, Texts t) => request.Status switch
    {
        PartnerRequestStatus.Answered => t.Used,
        PartnerRequestStatus.Waived => t.Waived,
        _ when !state.IsOpen => t.CaseClosed,
        _ when now >= request.ExpiresAt => t.Expired,
        _ => null,
    };

    /// <summary>A page in the shared look, its language links pointing back to this same link.</summary>
    private static IResult Page(HttpContext http, int status, string language, string title, string bodyHtmlOrText)
    {
        var body = bodyHtmlOrText.TrimStart().StartsWith('<') ? bodyHtmlOrText : $"<p>{E(bodyHtmlOrText)}</p>";
        return WebPage.Render(status, language, title, body, new WebPage.Chrome(LanguageSwitch: http.Request.Path.Value ?? "/"));
    }

    private sealed record Texts(
        string Title, string Intro, string Reference, string Organisation, string AnswerBy, string Question, string Answer,
        string Respondent, string Send, string AnswerMissing, string ThanksTitle, string Thanks, string ClosedTitle, string Used,
        string Waived, string Expired, string CaseClosed, string InvalidTitle, string Invalid)
    {
        public static readonly Texts Fi = new(
            "Pyyntö osallistua palvelutarpeen arviointiin",
            "Sosiaalityöntekijä pyytää tietojanne palvelutarpeen arviointiin (sosiaalihuoltolaki 41 §). Linkki on kertakäyttöinen.",
            "Viite", "Organisaatio", "Vastaa viimeistään", "Kysymys", "Vastauksenne", "Vastaajan nimi (vapaaehtoinen)", "Lähetä vastaus",
            "Kirjoita vastaus (enintään 10 000 merkkiä).", "Kiitos", "Vastauksenne on vastaanotettu. Linkki ei ole enää käytössä.",
            "Linkki ei ole enää käytössä", "Tähän pyyntöön on jo vastattu. Linkki toimii vain kerran.",
            "Sosiaalityöntekijä ei enää tarvitse vastausta tähän pyyntöön.", "Linkin voimassaolo on päättynyt. Ota tarvittaessa yhteyttä sosiaalityöntekijään.",
            "Arviointi on päättynyt, eikä vastauksia enää oteta vastaan.", "Linkki ei kelpaa", "Linkki on virheellinen. Tarkista, että kopioit sen kokonaan.");

        public static readonly Texts Sv = Fi with
        {
            Title = "Begäran om att delta i en bedömning av servicebehovet",
            Intro = "Socialarbetaren ber om era uppgifter till bedömningen av servicebehovet (socialvårdslagen 41 §). Länken kan användas en gång.",
            Reference = "Referens", Organisation = "Organisation", AnswerBy = "Svara senast", Question = "Fråga", Answer = "Ert svar",
            Respondent = "Namn (frivilligt)", Send = "Skicka svaret", AnswerMissing = "Skriv ett svar (högst 10 000 tecken).",
            ThanksTitle = "Tack", Thanks = "Ert svar har tagits emot. Länken kan inte användas igen.",
            ClosedTitle = "Länken används inte längre", Used = "Begäran har redan besvarats. Länken fungerar bara en gång.",
            Waived = "Socialarbetaren behöver inte längre ett svar på denna begäran.", Expired = "Länken har gått ut. Kontakta vid behov socialarbetaren.",
            CaseClosed = "Bedömningen har avslutats och svar tas inte längre emot.", InvalidTitle = "Ogiltig länk", Invalid = "Länken är felaktig. Kontrollera att du kopierade hela länken.",
        };

        public static readonly Texts En = Fi with
        {
            Title = "Request to take part in a service-need assessment",
            Intro = "The social worker asks for your input to a service-need assessment (Social Welfare Act § 41). The link works once.",
            Reference = "Reference", Organisation = "Organisation", AnswerBy = "Answer by", Question = "Question", Answer = "Your answer",
            Respondent = "Your name (optional)", Send = "Send the answer", AnswerMissing = "Write an answer (at most 10,000 characters).",
            ThanksTitle = "Thank you", Thanks = "Your answer has been received. The link can no longer be used.",
            ClosedTitle = "This link is no longer in use", Used = "This request has already been answered. The link works only once.",
            Waived = "The social worker no longer needs an answer to this request.", Expired = "This link has expired. Contact the social worker if needed.",
            CaseClosed = "The assessment has been closed and answers are no longer accepted.", InvalidTitle = "Invalid link", Invalid = "The link is not valid. Check that you copied all of it.",
        };

        public static Texts For(string language) => language switch { "sv" => Sv, "en" => En, _ => Fi };
    }
}
