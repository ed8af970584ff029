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
        return FormPage(http, 200, language, values, []);
    }

    public Task<IResult> SubmitAsync(HttpContext http, DurableTaskClient durable, CancellationToken cancellationToken) => StorageUnavailable.Guard(async () =>
    {
        var language = Language(http.Request);
        var t = NotificationFormTexts.For(language);
        if (!http.Request.HasFormContentType) return Message(415, language, t.BadRequestTitle, t.BadRequest);
        if (http.Request.ContentLength > IntakeApi.MaxBodyBytes) return Message(413, language, t.BadRequestTitle, t.BadRequest);
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = IntakeApi.MaxBodyBytes;

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Message(400, language, t.BadRequestTitle, t.BadRequest);
        }
        language = Language(http.Request, form["lang"].FirstOrDefault());
        t = NotificationFormTexts.For(language);

        // Another site cannot make a visitor's browser submit a notification: the token must match this site's cookie.
        if (!await antiforgery.IsRequestValidAsync(http)) return Message(400, language, t.ExpiredTitle, t.Expired);

        var values = FormValues.From(form);
        var (notification, formErrors) = Build(values, language, t);
        var errors = ErrorsByField(NotificationValidator.Validate(notification, time.GetUtcNow(), registeredByStaff: false), language, t);
        foreach (var (field, message) in formErrors) Add(errors, field, message);
        if (errors.Count > 0) return FormPage(http, 400, language, values, errors);

        // The submission id makes a double submit, a refresh or a retry land on the case the first one opened.
        var submission = values.Get(Fields.Submission);
        if (submission is { Length: < 16 or > 100 }) submission = null;

        if (rateLimit.TryAcquire(http) is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return Message(429, language, t.TooManyTitle, string.Format(t.TooMany, (retryAfter + 59) / 60));
        }

        var opened = await intake.OpenAsync(durable, notification, registeredBy: null,
            submission is null ? null : "form:" + submission, cancellationToken);
        if (opened.Outcome == IntakeOutcome.KeyReused)
            return Message(409, language, t.AlreadySentTitle, t.AlreadySent);

        // The deadlines the case itself counts from its time of receipt (a replay: the first submission's, read from the case).
        var receivedAt = opened.ReceivedAt ?? (await lookup.FindAsync(durable, opened.CaseId, cancellationToken))?.Case.State.ReceivedAt;
        // LSL § 25 c: a pre-birth case has no deadlines until the child is born; the receipt says so instead of dates.
        var at = receivedAt ?? time.GetUtcNow();
        var deadlines = CaseWorkflow.WaitsForBirth(notification) ? null : rules.For(at);
        return Receipt(language, opened.CaseId, notification, at, deadlines);
    });

    /// <summary>The notification the form describes, and what the form itself could not read (a date that is not one).</summary>
    private static (Notification Notification, List<(string Field, string Message)> Errors) Build(FormValues v, string language, NotificationFormTexts t)
    {
        var errors = new List<(string, string)>();
        DateOnly? Date(string field, string label)
        {
            if (v.Get(field) is not { } text) return null;
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            errors.Add((field, $"{label}: {t.NotADate}"));
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
                    DateOfBirth = Date(Fields.ChildDateOfBirth, t.ChildDateOfBirth),
                    ExpectedBirthDate = Date(Fields.ChildExpectedBirthDate, t.ChildExpectedBirthDate),
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
        return (notification, errors);
    }

    /// <summary>The validator's errors (keyed by JSON path, in English) as the form shows them: by field id, in the page's language, each after its field's label.</summary>
    internal static Dictionary<string, List<string>> ErrorsByField(IReadOnlyDictionary<string, string[]> errors, string language, NotificationFormTexts t)
    {
        var byField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (path, messages) in errors)
        {
            var field = Fields.ForPath(path);
            foreach (var message in messages)
                Add(byField, field, $"{Fields.Label(field, t)}: {ValidationMessages.Translate(message, language)}");
        }
        return byField;
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    private IResult FormPage(HttpContext http, int status, string language, FormValues values, Dictionary<string, List<string>> errors)
    {
        var t = NotificationFormTexts.For(language);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var f = new FormWriter(values, errors);
        var body = new StringBuilder();
        if (errors.Count > 0)
            body.Append(ErrorSummary(t.ErrorsHeading, Fields.InOrder.Where(errors.ContainsKey).SelectMany(id => errors[id].Select(m => (Fields.Target(id), m)))));
        body.Append($"""<p>{E(t.Intro)}</p><p class="notice"><strong>{E(t.Emergency)}</strong></p><p>{E(t.RequiredNote)}</p>""");
        body.Append($"""<form method="post" action="{Path}" novalidate>""");
        body.Append($"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""");
        body.Append($"""<input type="hidden" name="lang" value="{E(language)}">""");
        body.Append($"""<input type="hidden" name="{Fields.Submission}" value="{E(values.Get(Fields.Submission) ?? NewSubmissionId())}">""");

        body.Append(f.Radios(Fields.Kind, t.KindLegend, null,
            [(NotificationKinds.ChildWelfare, t.KindChildWelfare, t.KindChildWelfareHint), (NotificationKinds.JointContact, t.KindJointContact, t.KindJointContactHint),
             (NotificationKinds.PreBirth, t.KindPreBirth, t.KindPreBirthHint)]));

        body.Append($"""<fieldset><legend>{E(t.NotifierLegend)}</legend>""");
        body.Append(f.Radios(Fields.NotifierType, t.NotifierType, null,
            [(NotifierTypes.Professional, t.Professional, t.ProfessionalHint), (NotifierTypes.Private, t.Private, t.PrivateHint)]));
        body.Append(f.Text(Fields.NotifierName, t.NotifierName, null, autocomplete: "name"));
        body.Append(f.Text(Fields.NotifierProfession, t.NotifierProfession, t.ProfessionalOnlyHint, autocomplete: "organization-title"));
        body.Append(f.Text(Fields.NotifierOrganisation, t.NotifierOrganisation, t.ProfessionalOnlyHint, autocomplete: "organization"));
        body.Append(f.Text(Fields.NotifierPhone, t.NotifierPhone, t.ContactHint, type: "tel", autocomplete: "tel"));
        body.Append(f.Text(Fields.NotifierEmail, t.NotifierEmail, null, type: "email", autocomplete: "email"));
        body.Append(f.Select(Fields.NotifierLanguage, t.NotifierLanguage, [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]));
        body.Append(f.Checkbox(Fields.NotifierAnonymous, t.NotifierAnonymous, t.NotifierAnonymousHint));
        body.Append("</fieldset>");

        body.Append($"""<fieldset><legend>{E(t.ChildLegend)}</legend>""");
        body.Append(f.Text(Fields.ChildName, t.ChildName, null, autocomplete: "off"));
        body.Append(f.Text(Fields.ChildIdentityCode, t.ChildIdentityCode, t.ChildIdentityCodeHint, autocomplete: "off", maxLength: 11, spellcheck: false));
        body.Append(f.Text(Fields.ChildDateOfBirth, t.ChildDateOfBirth, t.ChildDateOfBirthHint, type: "date", autocomplete: "off"));
        body.Append(f.Text(Fields.ChildExpectedBirthDate, t.ChildExpectedBirthDate, t.ChildExpectedBirthDateHint, type: "date", autocomplete: "off"));
        body.Append(f.Text(Fields.ChildHomeMunicipality, t.ChildHomeMunicipality, t.ChildHomeMunicipalityHint, autocomplete: "off"));
        body.Append(f.Select(Fields.ChildLanguage, t.ChildLanguage, [("", t.ChildLanguageUnknown), ("fi", "suomi"), ("sv", "svenska"), ("other", t.ChildLanguageOther)]));
        body.Append("</fieldset>");

        body.Append($"""<fieldset aria-describedby="guardian-hint"><legend>{E(t.GuardianLegend)} {E(t.Optional)}</legend><span class="hint" id="guardian-hint">{E(t.GuardianHint)}</span>""");
        body.Append(f.Text(Fields.GuardianName, t.GuardianName, null, autocomplete: "off"));
        body.Append(f.Text(Fields.GuardianPhone, t.GuardianPhone, null, type: "tel", autocomplete: "off"));
        body.Append(f.Text(Fields.GuardianEmail, t.GuardianEmail, null, type: "email", autocomplete: "off"));
        body.Append(f.Text(Fields.GuardianAddress, t.GuardianAddress, null, autocomplete: "off"));
        body.Append("</fieldset>");

        body.Append($"""<fieldset><legend>{E(t.ConcernLegend)}</legend>""");
        body.Append(f.TextArea(Fields.Concern, t.Concern, t.ConcernHint, NotificationValidator.MaxConcernLength));
        body.Append(f.Checkboxes(Fields.Reasons, t.ReasonsLegend, t.ReasonsHint, t.Reasons.Select(r => (r.Key, r.Value)).ToList()));
        body.Append("</fieldset>");

        body.Append($"""<fieldset><legend>{E(t.UrgencyLegend)}</legend>""");
        body.Append(f.Checkbox(Fields.ImmediateDanger, t.ImmediateDanger, t.ImmediateDangerHint));
        body.Append(f.Checkbox(Fields.OffenceSuspected, t.OffenceSuspected, t.OffenceSuspectedHint));
        body.Append(f.Checkbox(Fields.MadeTogetherWithFamily, t.MadeTogetherWithFamily, null));
        body.Append(f.Radios(Fields.FamilyInformed, t.FamilyInformed, null, [("yes", t.Yes, null), ("no", t.No, null), ("", t.DontKnow, null)]));
        body.Append(f.Radios(Fields.FirstHandKnowledge, t.FirstHandKnowledge, null, [("yes", t.Yes, null), ("no", t.No, null), ("", t.DontKnow, null)]));
        body.Append("</fieldset>");

        body.Append($"""<button type="submit">{E(t.Send)}</button></form>""");
        return Render(status, language, t.Title, body.ToString(), new Chrome(LanguageSwitch: Path));
    }

    /// <summary>The receipt: the case reference, what happens next and when, and the notifier's own duties.</summary>
    private static IResult Receipt(string language, string caseId, Notification notification, DateTimeOffset receivedAt, StatutoryDeadlines? deadlines)
    {
        var t = NotificationFormTexts.For(language);
        var received = Date(HelsinkiTime.LocalDate(receivedAt));
        var decision = deadlines is { } d ? Date(d.DecisionDue) : t.TimelineDecisionFromBirth;
        var assessment = deadlines is { } a ? Date(a.AssessmentDue) : t.TimelineAssessmentFromBirth;
        var notifier = notification.Notifier!;
        var child = notification.Children![0];
        var body = new StringBuilder();
        if (notification.ImmediateDanger) body.Append($"""<p class="refusal" id="danger"><strong>{E(t.DangerCall)}</strong></p>""");
        body.Append($"""<div class="done"><p>{E(t.Reference)}</p><p class="reference" id="case-reference">{E(caseId)}</p><p>{E(t.ReferenceHint)}</p></div>""");
        body.Append($"""<h2>{E(t.NextHeading)}</h2><ol>""");
        body.Append($"<li>{E(t.NextUrgency)}</li>");
        if (deadlines is null)
            body.Append($"<li>{E(t.NextAfterBirth)}</li><li>{E(t.NextDeadlinesFromBirth)}</li>");
        else
            body.Append($"<li>{E(string.Format(t.NextDecision, decision))}</li><li>{E(string.Format(t.NextAssessment, assessment))}</li>");
        body.Append($"<li>{E(notifier.Anonymous ? t.NextAnonymous : t.NextContact)}</li></ol>");
        body.Append($"""<table id="timeline"><caption>{E(t.TimelineCaption)}</caption><tbody>""");
        body.Append($"""<tr><th scope="row">{E(t.TimelineReceived)}</th><td>{received}</td></tr>""");
        body.Append($"""<tr><th scope="row">{E(t.TimelineDecision)}</th><td id="decision-due">{E(decision)}</td></tr>""");
        body.Append($"""<tr><th scope="row">{E(t.TimelineAssessment)}</th><td id="assessment-due">{E(assessment)}</td></tr></tbody></table>""");
        if (notifier.Type == NotifierTypes.Professional)
            body.Append($"""<section class="notice" aria-labelledby="duty"><h2 id="duty">{E(t.DutyHeading)}</h2><p>{E(t.DutyWithoutDelay)}</p><p>{E(notification.OffenceSuspected ? t.DutyPoliceMust : t.DutyPoliceMay)}</p></section>""");

        // Only what the notifier has just typed, so that they can check it; nothing from the case.
        body.Append($"""<h2>{E(t.SentHeading)}</h2><dl class="facts">""");
        if (child.Name is not null) body.Append($"<dt>{E(t.ChildName)}</dt><dd>{E(child.Name)}</dd>");
        if (child.ExpectedBirthDate is { } expected) body.Append($"<dt>{E(t.ChildExpectedBirthDate)}</dt><dd>{expected:d.M.yyyy}</dd>");
        body.Append($"<dt>{E(t.ChildHomeMunicipality)}</dt><dd>{E(child.HomeMunicipality)}</dd>");
        body.Append($"""<dt>{E(t.Concern)}</dt><dd class="pre" id="sent-concern">{E(notification.Concern)}</dd></dl>""");
        body.Append($"""<p><a href="{E(WithLanguage(Path, language))}">{E(t.NewNotification)}</a></p>""");
        return Render(200, language, t.ReceiptTitle, body.ToString(), new Chrome(LanguageSwitch: null));
    }

    private static IResult Message(int status, string language, string title, string text)
    {
        var t = NotificationFormTexts.For(language);
        return Render(status, language, title,
            $"""<p>{E(text)}</p><p><a href="{E(WithLanguage(Path, language))}">{E(t.BackToForm)}</a></p>""", new Chrome(LanguageSwitch: Path));
    }

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
            NotifierAnonymous, ChildName, ChildIdentityCode, ChildDateOfBirth, ChildExpectedBirthDate, ChildHomeMunicipality, ChildLanguage,
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
            Reasons => $"{Reasons}-{NotificationFormTexts.Fi.Reasons.Keys.First()}",
            FamilyInformed or FirstHandKnowledge => $"{field}-yes",
            _ => field,
        };

        public static string Label(string field, NotificationFormTexts t) => field switch
        {
            Kind => t.KindLegend,
            NotifierType => t.NotifierType,
            NotifierName => t.NotifierName,
            NotifierProfession => t.NotifierProfession,
            NotifierOrganisation => t.NotifierOrganisation,
            NotifierPhone => t.NotifierPhone,
            NotifierEmail => t.NotifierEmail,
            NotifierLanguage => t.NotifierLanguage,
            NotifierAnonymous => t.NotifierAnonymous,
            ChildName => t.ChildName,
            ChildIdentityCode => t.ChildIdentityCode,
            ChildDateOfBirth => t.ChildDateOfBirth,
            ChildExpectedBirthDate => t.ChildExpectedBirthDate,
            ChildHomeMunicipality => t.ChildHomeMunicipality,
            ChildLanguage => t.ChildLanguage,
            GuardianName => t.GuardianName,
            GuardianPhone => t.GuardianPhone,
            GuardianEmail => t.GuardianEmail,
            GuardianAddress => t.GuardianAddress,
            Reasons => t.ReasonsLegend,
            _ => t.Concern,
        };
    }

    /// <summary>What the notifier typed, kept so that a page with errors shows it again.</summary>
    internal sealed record FormValues(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Reasons)
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

    /// <summary>
    /// Writes the form's controls: each labelled (<c>label for</c>), its hint and error named by <c>aria-describedby</c>,
    /// an invalid one marked <c>aria-invalid</c> with its message beside it, choices in a fieldset with a legend.
    /// </summary>
    private sealed class FormWriter(FormValues values, Dictionary<string, List<string>> errors)
    {
        private string ErrorHtml(string field) => errors.TryGetValue(field, out var messages)
            ? $"""<span class="field-error" id="{field}-error">{string.Join(" ", messages.Select(E))}</span>"""
            : "";

        private string DescribedBy(string field, bool hasHint)
        {
            var ids = new List<string>();
            if (hasHint) ids.Add($"{field}-hint");
            if (errors.ContainsKey(field)) ids.Add($"{field}-error");
            return ids.Count == 0 ? "" : $""" aria-describedby="{string.Join(' ', ids)}" """;
        }

        private string Invalid(string field) => errors.ContainsKey(field) ? """ aria-invalid="true" """ : "";

        private string Wrap(string field, string html) => $"""<div class="field{(errors.ContainsKey(field) ? " invalid" : "")}">{html}</div>""";

        private static string Hint(string field, string? hint) => hint is null ? "" : $"""<span class="hint" id="{field}-hint">{E(hint)}</span>""";

        public string Text(string field, string label, string? hint, string type = "text", string autocomplete = "off", int maxLength = NotificationValidator.MaxTextLength, bool spellcheck = true) =>
            Wrap(field, $"""<label for="{field}">{E(label)}</label>{Hint(field, hint)}{ErrorHtml(field)}<input type="{type}" id="{field}" name="{field}" value="{E(values.Raw(field))}" autocomplete="{autocomplete}"{(type == "date" ? "" : $" maxlength=\"{maxLength}\"")}{(spellcheck ? "" : " spellcheck=\"false\"")}{DescribedBy(field, hint is not null)}{Invalid(field)}>""");

        public string TextArea(string field, string label, string hint, int maxLength) =>
            Wrap(field, $"""<label for="{field}">{E(label)}</label>{Hint(field, hint)}{ErrorHtml(field)}<textarea id="{field}" name="{field}" rows="10" maxlength="{maxLength}"{DescribedBy(field, true)}{Invalid(field)}>{E(values.Raw(field))}</textarea>""");

        public string Select(string field, string label, IReadOnlyList<(string Value, string Text)> options)
        {
            var current = values.Raw(field);
            var html = new StringBuilder($"""<label for="{field}">{E(label)}</label>{ErrorHtml(field)}<select id="{field}" name="{field}"{DescribedBy(field, false)}{Invalid(field)}>""");
            foreach (var (value, text) in options)
                html.Append($"""<option value="{E(value)}"{(value == current ? " selected" : "")}>{E(text)}</option>""");
            return Wrap(field, html.Append("</select>").ToString());
        }

        public string Checkbox(string field, string label, string? hint) =>
            Wrap(field, $"""{ErrorHtml(field)}<div class="choice"><input type="checkbox" id="{field}" name="{field}" value="true"{(values.Checked(field) ? " checked" : "")}{DescribedBy(field, hint is not null)}{Invalid(field)}><div><label for="{field}">{E(label)}</label>{Hint(field, hint)}</div></div>""");

        public string Radios(string field, string legend, string? hint, IReadOnlyList<(string Value, string Text, string? Hint)> options)
        {
            var current = values.Raw(field);
            var html = new StringBuilder($"""<fieldset class="field{(errors.ContainsKey(field) ? " invalid" : "")}"{DescribedBy(field, hint is not null)}><legend>{E(legend)}</legend>{Hint(field, hint)}{ErrorHtml(field)}""");
            foreach (var (value, text, optionHint) in options)
            {
                var id = $"{field}-{(value.Length == 0 ? "unknown" : value)}";
                var hintId = $"{id}-hint";
                html.Append($"""<div class="choice"><input type="radio" id="{id}" name="{field}" value="{E(value)}"{(value == current ? " checked" : "")}{(optionHint is null ? "" : $" aria-describedby=\"{hintId}\"")}{Invalid(field)}><div><label for="{id}">{E(text)}</label>{(optionHint is null ? "" : $"""<span class="hint" id="{hintId}">{E(optionHint)}</span>""")}</div></div>""");
            }
            return html.Append("</fieldset>").ToString();
        }

        public string Checkboxes(string field, string legend, string hint, IReadOnlyList<(string Value, string Text)> options)
        {
            var html = new StringBuilder($"""<fieldset class="field{(errors.ContainsKey(field) ? " invalid" : "")}"{DescribedBy(field, true)}><legend>{E(legend)}</legend>{Hint(field, hint)}{ErrorHtml(field)}""");
            foreach (var (value, text) in options)
                html.Append($"""<div class="choice"><input type="checkbox" id="{field}-{E(value)}" name="{field}" value="{E(value)}"{(values.Reasons.Contains(value) ? " checked" : "")}><label for="{field}-{E(value)}">{E(text)}</label></div>""");
            return html.Append("</fieldset>").ToString();
        }
    }
}
