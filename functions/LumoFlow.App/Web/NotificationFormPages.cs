using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LumoFlow.App.Cases;
using LumoFlow.App.Http;
using LumoFlow.App.Intake;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Deadlines;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;
using LumoFlow.App.Web.Form;
using LumoFlow.App.Web.Words;
using LumoFlow.Domain.Validation;
using LumoFlow.Domain.Wording;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.DurableTask.Client;
using static LumoFlow.App.Web.WebPage;

namespace LumoFlow.App.Web;

/// <summary>
/// The public notification form at <c>/</c> (LSL § 25: anyone may notify) and the receipt it answers with. The same
/// notification, the same rules and the same intake as <c>POST /api/notifications</c>: the form's fields become a
/// <see cref="Notification"/>, <see cref="NotificationValidator"/> judges it, and <see cref="CaseIntake"/> opens the case
/// — the form adds only what a browser needs: its language, errors next to their fields, an anti-forgery token, a
/// submission id so that a double click or a refresh opens one case, and the bound on how often one client may submit.
/// Works without JavaScript; the page shows nothing of any case but what the notifier has just typed.
/// </summary>
public sealed class NotificationFormPages(CaseIntake intake, CaseLookup lookup, DeadlineRules rules, SubmissionRateLimit rateLimit,
    IAntiforgery antiforgery, TimeProvider time)
{
    public const string Path = "/";

    public IResult Show(HttpContext http)
    {
        var language = Language(http.Request);
        var values = new FormValues(new Dictionary<string, string>
        {
            [Fields.Kind] = NotificationKinds.ChildWelfare,
            [Fields.NotifierLanguage] = language,
        }, []);
        return FormPage(200, language, values, []);
    }

    public Task<IResult> SubmitAsync(HttpContext http, DurableTaskClient durable, CancellationToken cancellationToken) => StorageUnavailable.Guard(async () =>
    {
        var language = Language(http.Request);
        if (!http.Request.HasFormContentType) return Answer(415, language, FormWords.BadRequestTitle, FormWords.BadRequest);
        if (http.Request.ContentLength > IntakeApi.MaxBodyBytes) return Answer(413, language, FormWords.BadRequestTitle, FormWords.BadRequest);
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = IntakeApi.MaxBodyBytes;

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Answer(400, language, FormWords.BadRequestTitle, FormWords.BadRequest);
        }
        language = Language(http.Request, form["lang"].FirstOrDefault());

        // Another site cannot make a visitor's browser submit a notification: the token must match this site's cookie.
        if (!await antiforgery.IsRequestValidAsync(http)) return Answer(400, language, FormWords.ExpiredTitle, FormWords.Expired);

        var values = FormValues.From(form);
        var (built, problems) = Build(values, language);
        // As the API: control and format characters go from the free text; an identity code with one is refused.
        var notification = built.WithCleanText();
        var check = NotificationValidator.Check(notification, time.GetUtcNow(), registeredByStaff: false);
        problems.AddAll(check.Errors);
        // Only what no person would send, and a duty-bound notifier's own details, send the form back; the rest is
        // kept as given and flagged next to its field.
        if (problems.Count > 0) return FormPage(400, language, values, ErrorsByField(problems, language), ErrorsByField(check.Flags, language));

        // The submission id makes a double submit, a refresh or a retry land on the case the first one opened.
        var submission = values.Get(Fields.Submission);
        if (submission is { Length: < 16 or > 100 }) submission = null;

        if (rateLimit.TryAcquire(http) is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return Render<FormAnswerPage, FormAnswerPage.Content>(429, language,
                new(FormWords.TooManyTitle, FormWords.TooMany.In(language, (retryAfter + 59) / 60)), Path);
        }

        var opened = await intake.OpenAsync(durable, notification, registeredBy: null,
            submission is null ? null : "form:" + submission, cancellationToken);
        if (opened.Outcome == IntakeOutcome.KeyReused)
            return Answer(409, language, FormWords.AlreadySentTitle, FormWords.AlreadySent);

        // The deadlines the case itself counts from its time of receipt (a replay: the first submission's, read from the case).
        var receivedAt = opened.ReceivedAt ?? (await lookup.FindAsync(durable, opened.CaseId, cancellationToken))?.Case.State.ReceivedAt;
        // LSL § 25 c: a pre-birth case has no deadlines until the child is born; the receipt says so instead of dates.
        var at = receivedAt ?? time.GetUtcNow();
        var deadlines = CaseWorkflow.WaitsForBirth(notification) ? null : rules.For(at);
        return Render<ReceiptPage, ReceiptPage.Receipt>(200, language,
            new(opened.AllCaseIds, notification, at, deadlines, ErrorsByField(check.Flags, language)), languageSwitch: null);
    });

    /// <summary>The notification the form describes, and what the form itself could not read (a date that is not one).</summary>
    private static (Notification Notification, FieldProblems Problems) Build(FormValues v, string language)
    {
        var problems = new FieldProblems();
        DateOnly? Date(string field, string path)
        {
            if (v.Get(field) is not { } text) return null;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            problems.Add(path, ProblemCode.NotADate);
            return null;
        }

        int? Age()
        {
            if (v.Get(Fields.ChildApproximateAge) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years)) return years;
            problems.Add("children[0].approximateAge", ProblemCode.NotAChildsAge);
            return null;
        }

        var guardian = new Guardian
        {
            Name = v.Get(Fields.GuardianName), Phone = v.Get(Fields.GuardianPhone),
            Email = v.Get(Fields.GuardianEmail), Address = v.Get(Fields.GuardianAddress),
        };
        var notification = new Notification
        {
            Kind = v.Get(Fields.Kind),
            Notifier = new Notifier
            {
                Type = v.Get(Fields.NotifierType),
                Name = v.Get(Fields.NotifierName),
                Profession = v.Get(Fields.NotifierProfession),
                Organisation = v.Get(Fields.NotifierOrganisation),
                Phone = v.Get(Fields.NotifierPhone),
                Email = v.Get(Fields.NotifierEmail),
                Language = v.Get(Fields.NotifierLanguage) ?? language,
                Anonymous = v.Checked(Fields.NotifierAnonymous),
            },
            Children =
            [
                new Child
                {
                    Name = v.Get(Fields.ChildName),
                    IdentityCode = v.Get(Fields.ChildIdentityCode),
                    DateOfBirth = Date(Fields.ChildDateOfBirth, "children[0].dateOfBirth"),
                    ExpectedBirthDate = Date(Fields.ChildExpectedBirthDate, "children[0].expectedBirthDate"),
                    ApproximateAge = Age(),
                    Whereabouts = v.Get(Fields.ChildWhereabouts),
                    HomeMunicipality = v.Get(Fields.ChildHomeMunicipality),
                    Language = v.Get(Fields.ChildLanguage),
                },
            ],
            Guardians = guardian == new Guardian() ? null : [guardian],
            Concern = v.Get(Fields.Concern),
            Reasons = v.Reasons.Count == 0 ? null : v.Reasons,
            ImmediateDanger = v.Checked(Fields.ImmediateDanger),
            OffenceSuspected = v.Checked(Fields.OffenceSuspected),
            MadeTogetherWithFamily = v.Checked(Fields.MadeTogetherWithFamily),
            FamilyInformed = v.YesNo(Fields.FamilyInformed),
            FirstHandKnowledge = v.YesNo(Fields.FirstHandKnowledge),
        };
        return (notification, problems);
    }

    /// <summary>
    /// The problems (keyed by JSON path) as the form shows them: by field id, in the page's language (by their code),
    /// each after its field's label.
    /// </summary>
    internal static Dictionary<string, List<string>> ErrorsByField(FieldProblems problems, string language)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (path, list) in problems.ByField)
        {
            var field = Fields.ForPath(path);
            if (!byField.TryGetValue(field, out var messages)) byField[field] = messages = [];
            messages.AddRange(list.Select(problem => $"{Fields.Label(field).In(language)}: {problem.In(language)}"));
        }
        return byField;
    }

    private IResult FormPage(int status, string language, FormValues values, Dictionary<string, List<string>> errors,
        Dictionary<string, List<string>>? flags = null) =>
        Render<NotificationFormPage, NotificationFormPage.Form>(status, language,
            new(values, errors, flags ?? [], values.Get(Fields.Submission) ?? NewSubmissionId()), languageSwitch: Path);

    /// <summary>An answer to a form that could not be taken (expired, sent twice, not a form), with the way back to it.</summary>
    private static IResult Answer(int status, string language, Phrase title, Phrase text) =>
        Render<FormAnswerPage, FormAnswerPage.Content>(status, language, new(title, text.In(language)), Path);

    private static string NewSubmissionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The form's field names (each input's id is its name; a radio's or checkbox's id adds its value).</summary>
    internal static class Fields
    {
        public const string Kind = "kind";
        public const string NotifierType = "notifierType";
        public const string NotifierName = "notifierName";
        public const string NotifierProfession = "notifierProfession";
        public const string NotifierOrganisation = "notifierOrganisation";
        public const string NotifierPhone = "notifierPhone";
        public const string NotifierEmail = "notifierEmail";
        public const string NotifierLanguage = "notifierLanguage";
        public const string NotifierAnonymous = "notifierAnonymous";
        public const string ChildName = "childName";
        public const string ChildIdentityCode = "childIdentityCode";
        public const string ChildDateOfBirth = "childDateOfBirth";
        public const string ChildExpectedBirthDate = "childExpectedBirthDate";
        public const string ChildHomeMunicipality = "childHomeMunicipality";
        public const string ChildLanguage = "childLanguage";
        public const string ChildApproximateAge = "childApproximateAge";
        public const string ChildWhereabouts = "childWhereabouts";
        public const string GuardianName = "guardianName";
        public const string GuardianPhone = "guardianPhone";
        public const string GuardianEmail = "guardianEmail";
        public const string GuardianAddress = "guardianAddress";
        public const string Concern = "concern";
        public const string Reasons = "reasons";
        public const string ImmediateDanger = "immediateDanger";
        public const string OffenceSuspected = "offenceSuspected";
        public const string MadeTogetherWithFamily = "madeTogetherWithFamily";
        public const string FamilyInformed = "familyInformed";
        public const string FirstHandKnowledge = "firstHandKnowledge";
        public const string Submission = "submission";

        /// <summary>In the order the form shows them, so the error summary reads top to bottom.</summary>
        public static readonly IReadOnlyList<string> InOrder =
        [
            Kind, NotifierType, NotifierName, NotifierProfession, NotifierOrganisation, NotifierPhone, NotifierEmail, NotifierLanguage,
            NotifierAnonymous, ChildName, ChildIdentityCode, ChildDateOfBirth, ChildApproximateAge, ChildExpectedBirthDate, ChildWhereabouts,
            ChildHomeMunicipality, ChildLanguage,
            GuardianName, GuardianPhone, GuardianEmail, GuardianAddress, Concern, Reasons, ImmediateDanger, OffenceSuspected,
            MadeTogetherWithFamily, FamilyInformed, FirstHandKnowledge,
        ];

        /// <summary>The field a validator error's JSON path (<c>children[0].identityCode</c>) belongs to.</summary>
        public static string ForPath(string path) => path switch
        {
            "kind" => Kind,
            "notifier" or "notifier.type" => NotifierType,
            "notifier.name" => NotifierName,
            "notifier.profession" => NotifierProfession,
            "notifier.organisation" => NotifierOrganisation,
            "notifier.phone" => NotifierPhone,
            "notifier.email" => NotifierEmail,
            "notifier.language" => NotifierLanguage,
            "notifier.anonymous" => NotifierAnonymous,
            "children" or "children[0]" or "children[0].name" => ChildName,
            "children[0].approximateAge" => ChildApproximateAge,
            "children[0].whereabouts" => ChildWhereabouts,
            "children[0].identityCode" => ChildIdentityCode,
            "children[0].dateOfBirth" => ChildDateOfBirth,
            "children[0].expectedBirthDate" => ChildExpectedBirthDate,
            "children[0].homeMunicipality" => ChildHomeMunicipality,
            "children[0].language" => ChildLanguage,
            "guardians" or "guardians[0]" or "guardians[0].name" => GuardianName,
            "guardians[0].phone" => GuardianPhone,
            "guardians[0].email" => GuardianEmail,
            "guardians[0].address" => GuardianAddress,
            _ when path.StartsWith("reasons", StringComparison.Ordinal) => Reasons,
            // Nothing else can come from this form (it has no receivedAt); were it to, it shows at the concern.
            _ => Concern,
        };

        /// <summary>The id an error links to: the field's own, or a group's first choice.</summary>
        public static string Target(string field) => field switch
        {
            Kind => $"{Kind}-{NotificationKinds.ChildWelfare}",
            NotifierType => $"{NotifierType}-{NotifierTypes.Professional}",
            Reasons => $"{Reasons}-{ConcernReasons.All.Codes[0]}",
            FamilyInformed or FirstHandKnowledge => $"{field}-yes",
            _ => field,
        };

        public static Phrase Label(string field) => field switch
        {
            Kind => FormWords.KindLegend,
            NotifierType => FormWords.NotifierType,
            NotifierName => FormWords.NotifierName,
            NotifierProfession => FormWords.NotifierProfession,
            NotifierOrganisation => FormWords.NotifierOrganisation,
            NotifierPhone => FormWords.NotifierPhone,
            NotifierEmail => FormWords.NotifierEmail,
            NotifierLanguage => FormWords.NotifierLanguage,
            NotifierAnonymous => FormWords.NotifierAnonymous,
            ChildName => FormWords.ChildName,
            ChildIdentityCode => FormWords.ChildIdentityCode,
            ChildDateOfBirth => FormWords.ChildDateOfBirth,
            ChildExpectedBirthDate => FormWords.ChildExpectedBirthDate,
            ChildApproximateAge => FormWords.ChildApproximateAge,
            ChildWhereabouts => FormWords.ChildWhereabouts,
            ChildHomeMunicipality => FormWords.ChildHomeMunicipality,
            ChildLanguage => FormWords.ChildLanguage,
            GuardianName => FormWords.GuardianName,
            GuardianPhone => FormWords.GuardianPhone,
            GuardianEmail => FormWords.GuardianEmail,
            GuardianAddress => FormWords.GuardianAddress,
            Reasons => FormWords.ReasonsLegend,
            _ => FormWords.Concern,
        };
    }

    /// <summary>What the notifier typed, kept so that a page with errors shows it again.</summary>
    public sealed record FormValues(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Reasons)
    {
        public static FormValues From(IFormCollection form) => new(
            form.Where(f => f.Key != Fields.Reasons).ToDictionary(f => f.Key, f => f.Value.ToString()),
            form[Fields.Reasons].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).Distinct().ToList());

        /// <summary>The value, or null when the field was left empty (as the API's JSON would leave it out).</summary>
        public string? Get(string field) => Values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public string Raw(string field) => Values.TryGetValue(field, out var value) ? value : "";

        public bool Checked(string field) => Get(field) == "true";

        public bool? YesNo(string field) => Get(field) switch { "yes" => true, "no" => false, _ => null };
    }
}
