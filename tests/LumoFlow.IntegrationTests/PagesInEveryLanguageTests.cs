using System.Collections;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LumoFlow.Domain.Wording;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// Every page reads in the language asked for, all of it: the notification form (with errors) and its receipt, the
/// sign-in, the staff pages (a refused form and a refusal among them), the partner page, the dashboard (its list, a
/// case, a control, the report, their errors) and the error pages (401, 403, 404). A page in Swedish must not show a
/// sentence of LumoFlow's that exists only in Finnish or in English: every phrase the app and the domain hold is
/// collected, and any of another language's words found on the page fails the test, naming it.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed partial class PagesInEveryLanguageTests(DevServices services)
{
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task Every_page_reads_in_the_language_asked_for(string lang)
    {
        await using var app = new LumoFlowApp(services, settings: new Dictionary<string, string?> { ["LumoFlow:PublicBaseUrl"] = "http://127.0.0.1" });
        var caseId = await app.SubmitAsync(Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("languages")));
        var partnerEmail = Sample.UniqueEmail("partner");
        Assert.Equal(HttpStatusCode.Accepted, (await app.StaffClient().PostAsJsonAsync($"/api/cases/{caseId}/events/PartnerInputRequested", new
        {
            partner = new { kind = "school", organisation = "Koulu", email = partnerEmail, language = "fi" },
            question = "?",
        })).StatusCode);
        var mail = Assert.Single(await services.Mail.WaitForAsync(m => m.IsTo(partnerEmail)));
        var partnerLink = new Uri(PartnerLink().Match(mail.Text).Value).AbsolutePath;
        await app.WaitForStatusAsync(caseId, s => Cases.HasEvent(s, "PartnerInputRequested"));

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var admin = await app.SignedInClientAsync("Admin", null);
        var otherTeam = await app.SignedInClientAsync("SocialWorker", "keski-suomi", "other.team@kunta.example");
        var pages = new List<(string What, HttpResponseMessage Answer, HttpStatusCode Expected)>();
        async Task Get(string what, HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
            pages.Add((what, await client.GetAsync(With(path, lang)), expected));
        async Task Post(string what, HttpClient client, string path, Dictionary<string, string> fields, HttpStatusCode expected) =>
            pages.Add((what, await client.PostAsync(With(path, lang), new FormUrlEncodedContent(fields.Append(KeyValuePair.Create("lang", lang)))), expected));

        // The public pages.
        var browser = app.CreateClient();
        var formHtml = await browser.GetStringAsync(With("/", lang));
        var served = ServedForm.Parse(formHtml);
        var notification = NotificationFields(served.TokenName, served.Token, served.Submission);
        await Get("the notification form", browser, "/");
        await Post("the notification form with errors", browser, "/", new(notification) { ["childIdentityCode"] = "12", ["concern"] = "" }, HttpStatusCode.BadRequest);
        await Post("the receipt", browser, "/", notification, HttpStatusCode.OK);
        await Get("the sign-in", anonymous, "/signin");
        await Get("the partner page", anonymous, partnerLink);
        await Post("the partner page without an answer", anonymous, partnerLink, new() { ["answer"] = "" }, HttpStatusCode.BadRequest);

        // The staff pages, a form refused for its fields and an event refused by the workflow.
        await Get("the staff list", admin, "/staff");
        await Get("the case page", admin, $"/staff/cases/{caseId}");
        await Post("a form with a missing field", admin, $"/staff/cases/{caseId}/events/DecisionMade", new() { ["startAssessment"] = "true" }, HttpStatusCode.BadRequest);
        await Post("an event the phase refuses", admin, $"/staff/cases/{caseId}/events/AssessmentCompleted", new()
        {
            ["outcome"] = "noFurtherServices", ["summary.situationAndServiceNeeds"] = "a", ["summary.conclusionOnClientStatus"] = "b",
            ["summary.clientView"] = "c", ["summary.childView"] = "d", ["summary.namedWorkerNeeded"] = "false",
        }, HttpStatusCode.Conflict);

        // The dashboard.
        await Get("the dashboard", admin, "/admin");
        await Get("the dashboard with a bad filter", admin, "/admin?top=0&createdFrom=x", HttpStatusCode.BadRequest);
        await Get("the dashboard's case", admin, $"/admin/cases/{caseId}");
        await Get("a control's confirmation", admin, $"/admin/cases/{caseId}/control?action=suspend");
        await Post("a control without its reason", admin, $"/admin/cases/{caseId}/control", new() { ["action"] = "suspend" }, HttpStatusCode.BadRequest);
        await Get("THL's report", admin, "/admin/reports/compliance");
        await Get("THL's report for a period that is none", admin, "/admin/reports/compliance?period=2026-13-01..2026-14-01", HttpStatusCode.BadRequest);

        // The error pages.
        await Get("a page that asks to sign in", anonymous, "/staff", HttpStatusCode.Unauthorized);
        await Get("another team's case", otherTeam, $"/staff/cases/{caseId}", HttpStatusCode.Forbidden);
        await Get("an address that is none", anonymous, "/no/such/page", HttpStatusCode.NotFound);
        await Get("a case that is none", admin, "/staff/cases/LF0000000000X", HttpStatusCode.NotFound);
        await Get("a partner link that is none", anonymous, "/partner-input/not-a-token", HttpStatusCode.NotFound);

        var foreign = ForeignPhrases(lang);
        Assert.True(foreign.Count > 300, $"only {foreign.Count} phrases of other languages to look for");
        // The check can fail: the form in another language is full of them.
        var otherForm = Text(await browser.GetStringAsync(With("/", lang == "fi" ? "sv" : "fi")));
        Assert.True(foreign.Count(otherForm.Contains) >= 10, "the check finds no other language on a page in another language");

        var wrong = new List<string>();
        foreach (var (what, answer, expected) in pages)
        {
            var html = await answer.Content.ReadAsStringAsync();
            if (answer.StatusCode != expected) { wrong.Add($"{what}: {(int)answer.StatusCode}, expected {(int)expected}"); continue; }
            if (!html.Contains($"<html lang=\"{lang}\">", StringComparison.Ordinal)) wrong.Add($"{what}: not <html lang=\"{lang}\">");
            var text = Text(html);
            wrong.AddRange(foreign.Where(text.Contains).Select(phrase => $"{what}: “{phrase}”"));
        }
        Assert.True(wrong.Count == 0, $"In {lang}:\n" + string.Join("\n", wrong));
    }

    private static string With(string path, string lang) => path + (path.Contains('?') ? "&" : "?") + $"lang={lang}";

    /// <summary>What a page says: its text, tags removed and references decoded.</summary>
    private static string Text(string html) => WhiteSpace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    /// <summary>
    /// Every sentence of LumoFlow's words (each phrase of the app and the domain, each part between its placeholders)
    /// that exists in another language than <paramref name="lang"/> and not in it: long enough to be a sentence, not a
    /// name shared by the languages.
    /// </summary>
    private static List<string> ForeignPhrases(string lang)
    {
        var phrases = new HashSet<Phrase>();
        foreach (var type in new[] { typeof(LumoFlow.App.Web.WebPage).Assembly, typeof(Phrase).Assembly }.SelectMany(a => a.GetTypes()).Where(t => !t.ContainsGenericParameters))
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => !f.FieldType.ContainsGenericParameters))
                Collect(SafeValue(field), phrases);
        foreach (var e in LumoFlow.Domain.Workflow.StaffEvents.All)
        {
            phrases.Add(e.Title);
            foreach (var f in e.Fields) phrases.Add(f.Label);
        }
        var own = string.Join("\n", phrases.Select(p => p.In(lang)));
        return phrases
            .SelectMany(p => Phrase.Languages.Where(other => other != lang).Select(other => p.In(other)))
            .SelectMany(text => Placeholder().Split(text))
            .Select(part => part.Trim())
            .Where(part => part.Length >= 14 && !own.Contains(part, StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }

    private static object? SafeValue(FieldInfo field)
    {
        try { return field.GetValue(null); }
        catch (TargetInvocationException) { return null; }
    }

    private static void Collect(object? value, HashSet<Phrase> phrases)
    {
        switch (value)
        {
            case Phrase phrase: phrases.Add(phrase); break;
            case Vocabulary vocabulary: foreach (var (_, words) in vocabulary) phrases.Add(words); break;
            case IDictionary dictionary: foreach (var item in dictionary.Values) if (item is Phrase p) phrases.Add(p); break;
        }
    }

    private static Dictionary<string, string> NotificationFields(string tokenName, string token, string submission) => new()
    {
        [tokenName] = token, ["submission"] = submission, ["kind"] = "childWelfare", ["notifierType"] = "professional",
        ["notifierName"] = "Maija Meikäläinen", ["notifierProfession"] = "Opettaja", ["notifierOrganisation"] = "Keskuskoulu",
        ["notifierPhone"] = "040 123 4567", ["notifierEmail"] = Sample.UniqueEmail("form"), ["notifierLanguage"] = "fi",
        ["childName"] = "Matti", ["childIdentityCode"] = Sample.IdentityCode(), ["childHomeMunicipality"] = "Kuopio",
        ["concern"] = "Lapsi on ollut poissa koulusta.", ["familyInformed"] = "no",
    };

    [GeneratedRegex(@"http://127\.0\.0\.1/partner-input/\S+")]
    private static partial Regex PartnerLink();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
