using LumoFlow.Domain.Workflow;
using LumoFlow.App.Cases;
using LumoFlow.App.Intake;
using LumoFlow.App.Records;
using LumoFlow.App.Web;
using LumoFlow.App.Web.Partner;
using LumoFlow.App.Web.Words;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Wording;
using Microsoft.DurableTask.Client;

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
            return Page(http, 404, asked ?? "fi", PartnerWords.InvalidTitle, PartnerWords.Invalid);
        var language = asked ?? request.Language;
        if (WhyClosed(state, request, time.GetUtcNow()) is { } reason) return Page(http, 200, language, PartnerWords.ClosedTitle, reason);

        var question = await records.GetDocumentAsync(state.CaseId, $"partner-{request.Id}-question", cancellationToken);
        return WebPage.Render<PartnerPage, PartnerPage.Request>(200, language,
            new(state.CaseId, request.Organisation, request.AnswerBy, question?.Text ?? "", MaxAnswer), http.Request.Path.Value);
    });

    public Task<IResult> AnswerAsync(
        string token, HttpContext http, DurableTaskClient durable, CancellationToken cancellationToken) => StorageUnavailable.Guard(async () =>
    {
        var asked = WebPage.AskedLanguage(http.Request);
        if (!http.Request.HasFormContentType) return Page(http, 415, asked ?? "fi", PartnerWords.InvalidTitle, PartnerWords.SendTheForm);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        // Control and format characters (a right-to-left override, a zero-width space) are taken out; the answer keeps its lines.
        var answer = FreeText.Note(form["answer"].ToString())!.Trim();
        var respondent = FreeText.Line(form["respondentName"].ToString())!.Trim();
        asked = WebPage.AskedLanguage(http.Request, form["lang"].FirstOrDefault());

        // One read of the case: the link checked against it, then the answer raised on it.
        var link = Link.Parse(token);
        if (link is null || await lookup.FindAsync(durable, link.CaseId, cancellationToken) is not { } found
            || link.Match(gate.CurrentState(found)) is not (_, var request))
            return Page(http, 404, asked ?? "fi", PartnerWords.InvalidTitle, PartnerWords.Invalid);
        var language = asked ?? request.Language;
        if (answer.Length == 0 || answer.Length > MaxAnswer || respondent.Length > 200)
            return Page(http, 400, language, PartnerWords.Title, PartnerWords.AnswerMissing);

        var outcome = await gate.RaiseAsync(durable, found,
            new PartnerInputReceived(link.RequestId, link.Secret, answer, respondent.Length == 0 ? null : respondent) { Actor = "partner" }, cancellationToken);
        return outcome switch
        {
            WorkflowStep => Page(http, 200, language, PartnerWords.ThanksTitle, PartnerWords.Thanks),
            WorkflowRefusal { Kind: RefusalKind.InvalidInput } => Page(http, 404, language, PartnerWords.InvalidTitle, PartnerWords.Invalid),
            WorkflowRefusal { Kind: RefusalKind.CaseEnded } => Page(http, 200, language, PartnerWords.ClosedTitle, PartnerWords.CaseClosed),
            WorkflowRefusal { Code: RefusalCode.LinkUsed } => Page(http, 200, language, PartnerWords.ClosedTitle, PartnerWords.Used),
            WorkflowRefusal { Code: RefusalCode.LinkNotNeeded } => Page(http, 200, language, PartnerWords.ClosedTitle, PartnerWords.Waived),
            WorkflowRefusal { Code: RefusalCode.LinkExpired } => Page(http, 200, language, PartnerWords.ClosedTitle, PartnerWords.Expired),
            _ => Page(http, 404, language, PartnerWords.InvalidTitle, PartnerWords.Invalid),
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

    /// <summary>What the page says when the link no longer works: the domain's rule (<see cref="PartnerLinks"/>), in words.</summary>
    private static Phrase? WhyClosed(CaseState state, PartnerRequest request, DateTimeOffset now) => PartnerLinks.Refusal(state, request, now)?.Code switch
    {
        null => null,
        RefusalCode.LinkUsed => PartnerWords.Used,
        RefusalCode.LinkNotNeeded => PartnerWords.Waived,
        RefusalCode.CaseEnded => PartnerWords.CaseClosed,
        _ => PartnerWords.Expired,
    };

    /// <summary>A page that says one thing, its language links pointing back to this same link.</summary>
    private static IResult Page(HttpContext http, int status, string language, Phrase title, Phrase text) =>
        WebPage.Message(status, language, title, text, languageSwitch: http.Request.Path.Value ?? "/");
}
