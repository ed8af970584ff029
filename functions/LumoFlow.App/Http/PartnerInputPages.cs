using System.Text.Encodings.Web;
using LumoFlow.Domain.Workflow;
using LumoFlow.App.Cases;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using Microsoft.DurableTask.Client;

namespace LumoFlow.App.Http;

/// <summary>
/// SHL § 41: a partner answers through the single-use link from the request email. A plain HTML form, no login:
/// the link is the credential. A used, expired or withdrawn link gets a page that says so. The case is read as it
/// will be once what is on its way to it is applied, so an answer just sent already makes the link "used".
/// </summary>
public sealed class PartnerInputPages(CaseRecords records, CaseEventGate gate, TimeProvider time)
{
    public const int MaxAnswer = 10_000;

    public Task<IResult> ShowAsync(string token, CancellationToken cancellationToken) => StorageUnavailable.Guard(async () =>
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null) return Page(404, "fi", Texts.Fi.InvalidTitle, Texts.Fi.Invalid);
        var (state, request) = found.Value;
        var t = Texts.For(request.Language);
        if (WhyClosed(state, request, time.GetUtcNow(), t) is { } reason) return Page(200, request.Language, t.ClosedTitle, reason);

        var question = await records.GetDocumentAsync(state.CaseId, $"partner-{request.Id}-question", cancellationToken);
        return Page(200, request.Language, t.Title, $"""
            <p>{Enc(t.Intro)}</p>
            <dl><dt>{Enc(t.Reference)}</dt><dd>{Enc(state.CaseId)}</dd>
            <dt>{Enc(t.Organisation)}</dt><dd>{Enc(request.Organisation)}</dd>
            <dt>{Enc(t.AnswerBy)}</dt><dd>{request.AnswerBy:d.M.yyyy}</dd></dl>
            <h2>{Enc(t.Question)}</h2>
            <p class="question">{Enc(question?.Text ?? "")}</p>
            <form method="post">
              <label for="answer">{Enc(t.Answer)}</label>
              <textarea id="answer" name="answer" rows="12" maxlength="{MaxAnswer}" required></textarea>
              <label for="respondentName">{Enc(t.Respondent)}</label>
              <input id="respondentName" name="respondentName" maxlength="200" autocomplete="name">
              <button type="submit">{Enc(t.Send)}</button>
            </form>
            """);
    });

    public Task<IResult> AnswerAsync(string token, HttpContext http, DurableTaskClient durable, CancellationToken cancellationToken) => StorageUnavailable.Guard(async () =>
    {
        if (!http.Request.HasFormContentType) return Page(415, "fi", Texts.Fi.InvalidTitle, "Send the form.");
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var answer = form["answer"].ToString().Trim();
        var respondent = form["respondentName"].ToString().Trim();

        var found = await FindAsync(token, cancellationToken);
        if (found is null) return Page(404, "fi", Texts.Fi.InvalidTitle, Texts.Fi.Invalid);
        var (state, request) = found.Value;
        var t = Texts.For(request.Language);
        if (answer.Length == 0 || answer.Length > MaxAnswer || respondent.Length > 200)
            return Page(400, request.Language, t.Title, t.AnswerMissing);

        PartnerToken.TryParse(token, out _, out var requestId, out var secret);
        var outcome = await gate.RaiseAsync(durable, state.CaseId,
            new PartnerInputReceived(requestId, secret, answer, respondent.Length == 0 ? null : respondent) { Actor = "partner" }, cancellationToken);
        return outcome switch
        {
            WorkflowStep => Page(200, request.Language, t.ThanksTitle, t.Thanks),
            WorkflowRefusal { Kind: RefusalKind.InvalidInput } => Page(404, request.Language, t.InvalidTitle, t.Invalid),
            WorkflowRefusal { Kind: RefusalKind.CaseEnded } => Page(200, request.Language, t.ClosedTitle, t.CaseClosed),
            WorkflowRefusal refusal => Page(200, request.Language, t.ClosedTitle, refusal.Reason),
            _ => Page(404, request.Language, t.InvalidTitle, t.Invalid),
        };
    });

    private async Task<(CaseState State, PartnerRequest Request)?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!PartnerToken.TryParse(token, out var caseId, out var requestId, out var secret) || !CaseIds.IsWellFormed(caseId)) return null;
        var state = await gate.CurrentStateAsync(caseId, cancellationToken);
        var request = state?.Partners.FirstOrDefault(p => p.Id == requestId);
        return request is not null && PartnerToken.Matches(secret, request.Secret) ? (state!, request) : null;
    }

    private static string? WhyClosed(CaseState state, PartnerRequest request, DateTimeOffset now, Texts t) => request.Status switch
    {
        PartnerRequestStatus.Answered => t.Used,
        PartnerRequestStatus.Waived => t.Waived,
        _ when !state.IsOpen => t.CaseClosed,
        _ when now >= request.ExpiresAt => t.Expired,
        _ => null,
    };

    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}" +
        "textarea,input{width:100%;box-sizing:border-box;margin:.25rem 0 1rem;font:inherit} button{font:inherit;padding:.5rem 1.5rem}" +
        ".question{white-space:pre-wrap;background:#f4f4f4;padding:1rem} dt{font-weight:bold}";

    /// <summary>Escapes markup but keeps ä, ö, å readable (the default encoder escapes all non-ASCII).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Enc(string text) => Encoder.Encode(text);

    private static IResult Page(int status, string language, string title, string bodyHtmlOrText)
    {
        var body = bodyHtmlOrText.TrimStart().StartsWith('<') ? bodyHtmlOrText : $"<p>{Enc(bodyHtmlOrText)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="{Enc(language)}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Enc(title)} – LumoFlow</title>
            <style>{Style}</style>
            </head><body><main><h1>{Enc(title)}</h1>
            {body}
            </main></body></html>
            """;
        return new HtmlResult(status, html);
    }

    /// <summary>An HTML page that no cache or proxy keeps (it is reached with a secret link).</summary>
    private sealed class HtmlResult(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(html);
        }
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
