using System.Globalization;
using System.Net.Mail;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Validation;

namespace LumoFlow.Domain.Notifications;

/// <summary>
/// What intake takes. A case becomes pending when the authority learns of a child (LSL § 26(1)), notifications and
/// their contents are registered (LSL § 25 b), and THL asks for the child's details only as far as they are known: so
/// a notification is refused only for what no person would send — a concern missing, nothing that identifies the child,
/// a value of the wrong kind, more than the size limits — and for a duty-bound notifier's own details, which they must
/// give (LSL § 25: they cannot notify anonymously). Everything else a person got wrong is kept as given and flagged
/// (<see cref="NotificationCheck.Flags"/>) for staff to check. Each problem is named by its field's JSON path
/// (<c>children[0].identityCode</c>) and carries a stable code (<see cref="ProblemCode"/>).
/// </summary>
public static class NotificationValidator
{
    public const int MaxConcernLength = 20_000;
    public const int MaxTextLength = 200;
    public const int MaxChildren = 20;
    public const int MaxGuardians = 10;
    /// <summary>The oldest a child is (LSL § 6: a child is under 18).</summary>
    public const int MaxChildAge = 17;

    /// <summary>How far ahead of the server's clock a submitted time may be (a device's clock is rarely exact).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far back staff may date a notification they register afterwards. A notification made by phone or in person
    /// is registered within days; a time a year or more back is far likelier a typing error than a real receipt.
    /// </summary>
    public static readonly TimeSpan MaxRegistrationDelay = TimeSpan.FromDays(366);

    /// <summary>What refuses the notification, in the API's words (see <see cref="Check"/>).</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(Notification notification, DateTimeOffset now, bool registeredByStaff = false) =>
        Check(notification, now, registeredByStaff).Errors.English;

    /// <summary>What refuses the notification (see <see cref="Check"/>).</summary>
    public static FieldProblems Problems(Notification notification, DateTimeOffset now, bool registeredByStaff = false) =>
        Check(notification, now, registeredByStaff).Errors;

    /// <param name="notification">The submitted notification.</param>
    /// <param name="now">The moment of submission: no birth date and no time of receipt may lie after it.</param>
    /// <param name="registeredByStaff">
    /// Staff register a notification they received by phone or in person, and may give its real time of receipt; a
    /// notifier's own submission may not.
    /// </param>
    public static NotificationCheck Check(Notification notification, DateTimeOffset now, bool registeredByStaff = false)
    {
        var today = HelsinkiTime.LocalDate(now);
        var check = new NotificationCheck(new FieldProblems(), new FieldProblems());
        var kind = notification.Kind ?? NotificationKinds.ChildWelfare;
        if (!NotificationKinds.All.Contains(kind))
            check.Errors.Add("kind", ProblemCode.MustBeOneOf, string.Join(", ", NotificationKinds.All.Codes));

        var professional = CheckNotifier(notification.Notifier, check);
        CheckChildren(notification.Children, kind, professional, today, check);
        CheckGuardians(notification.Guardians, check);

        if (string.IsNullOrWhiteSpace(notification.Concern))
            check.Errors.Add("concern", ProblemCode.ConcernRequired);
        else if (notification.Concern.Length > MaxConcernLength)
            check.Errors.Add("concern", ProblemCode.TooLong, Number(MaxConcernLength));

        if (notification.Reasons is { } reasons)
            for (var i = 0; i < reasons.Count; i++)
                if (!ConcernReasons.All.Contains(reasons[i] ?? ""))
                    check.Errors.Add($"reasons[{i}]", ProblemCode.UnknownReason, string.Join(", ", ConcernReasons.All.Codes));

        // LSL § 25 a: contacting social services together with the family is the duty-bound notifier's alternative.
        // Anyone else's is still a notification, taken and flagged.
        if (kind == NotificationKinds.JointContact && !professional)
            check.Flags.Add("kind", ProblemCode.JointContactByProfessional);

        CheckReceivedAt(notification.ReceivedAt, now, registeredByStaff, check.Errors);
        return check;
    }

    /// <summary>
    /// The case opens when the notification is received (vireilletulo, LSL § 26). A notifier's own submission is
    /// received as it arrives; staff registering a phone call or a visit afterwards give the time it really happened.
    /// </summary>
    private static void CheckReceivedAt(string? receivedAt, DateTimeOffset now, bool registeredByStaff, FieldProblems errors)
    {
        if (receivedAt is null) return;
        if (!registeredByStaff)
            errors.Add("receivedAt", ProblemCode.ReceivedAtStaffOnly);
        else if (!IsoTimestamp.TryParse(receivedAt, out var at))
            errors.Add("receivedAt", ProblemCode.NotIsoTime, IsoTimestamp.Example);
        else if (at > now + ClockSkew)
            errors.Add("receivedAt", ProblemCode.InFuture);
        else if (at < now - MaxRegistrationDelay)
            errors.Add("receivedAt", ProblemCode.ReceivedAtTooOld);
    }

    /// <summary>Whether the notifier is duty-bound (LSL § 25(1)); a notifier who says nothing of themselves is a private person (§ 25(2)).</summary>
    private static bool CheckNotifier(Notifier? notifier, NotificationCheck check)
    {
        if (notifier is null) return false;
        var professional = notifier.Type == NotifierTypes.Professional;
        if (notifier.Type is not null && !NotifierTypes.All.Contains(notifier.Type))
            check.Errors.Add("notifier.type", ProblemCode.NotifierType);
        if (professional)
        {
            // LSL § 25(1): a duty-bound notifier gives their name, organisation and a way to reach them; no anonymity.
            if (notifier.Anonymous) check.Errors.Add("notifier.anonymous", ProblemCode.ProfessionalNotAnonymous);
            Require(notifier.Name, "notifier.name", check.Errors);
            Require(notifier.Organisation, "notifier.organisation", check.Errors);
            if (string.IsNullOrWhiteSpace(notifier.Phone) && string.IsNullOrWhiteSpace(notifier.Email))
                check.Errors.Add("notifier.phone", ProblemCode.ProfessionalGivesContact);
        }
        CheckLength(notifier.Name, "notifier.name", check.Errors);
        CheckLength(notifier.Profession, "notifier.profession", check.Errors);
        CheckLength(notifier.Organisation, "notifier.organisation", check.Errors);
        // A duty-bound notifier must be reachable: their contact details must work. A private person's are kept as given.
        var contactProblems = professional ? check.Errors : check.Flags;
        CheckPhone(notifier.Phone, "notifier.phone", contactProblems, check.Errors);
        CheckEmail(notifier.Email, "notifier.email", contactProblems, check.Errors);
        if (notifier.Language is { } language && !Languages.Email.Contains(language))
            check.Errors.Add("notifier.language", ProblemCode.NotALanguage);
        return professional;
    }

    private static void CheckChildren(IReadOnlyList<Child>? children, string kind, bool professional, DateOnly today, NotificationCheck check)
    {
        if (children is null || children.Count == 0)
        {
            check.Errors.Add("children", ProblemCode.ChildRequired);
            return;
        }
        if (children.Count > MaxChildren)
            check.Errors.Add("children", ProblemCode.TooManyChildren, Number(MaxChildren));

        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var path = $"children[{i}]";
            if (child is null)
            {
                check.Errors.Add(path, ProblemCode.MustBeObject);
                continue;
            }
            CheckLength(child.Name, $"{path}.name", check.Errors);
            CheckLength(child.HomeMunicipality, $"{path}.homeMunicipality", check.Errors);
            CheckLength(child.Whereabouts, $"{path}.whereabouts", check.Errors);
            if (child.Language is { } language && !Languages.Child.Contains(language))
                check.Errors.Add($"{path}.language", ProblemCode.NotAChildLanguage);
            // An identity code must be exact: one with an invisible character in it is refused from anyone, not flagged.
            var invisibleInCode = FreeText.HasControls(child.IdentityCode);
            if (invisibleInCode) check.Errors.Add($"{path}.identityCode", ProblemCode.IdentityCodeControlCharacters);

            // Anything that tells which child is meant will do: a neighbour may know only a first name and the street.
            var preBirth = kind == NotificationKinds.PreBirth;
            if (string.IsNullOrWhiteSpace(child.Name) && string.IsNullOrWhiteSpace(child.IdentityCode) && child.DateOfBirth is null
                && child.ApproximateAge is null && string.IsNullOrWhiteSpace(child.Whereabouts) && !(preBirth && child.ExpectedBirthDate is not null))
                check.Errors.Add(path, ProblemCode.ChildNotIdentified);

            if (child.ApproximateAge is < 0 or > MaxChildAge)
                check.Flags.Add($"{path}.approximateAge", ProblemCode.NotAChildsAge);
            if (preBirth)
            {
                // LSL § 25 c: the child is not born yet; the expected birth date identifies the case.
                if (child.ExpectedBirthDate is null) check.Flags.Add($"{path}.expectedBirthDate", ProblemCode.RequiredForPreBirth);
                if (child.IdentityCode is not null && !invisibleInCode) check.Flags.Add($"{path}.identityCode", ProblemCode.UnbornHasNoIdentityCode);
                continue;
            }

            if (!string.IsNullOrWhiteSpace(child.IdentityCode) && !invisibleInCode)
            {
                // A duty-bound notifier is asked to correct it; a private person's is kept as given for staff to check.
                if (PersonalIdentityCode.ProblemOf(child.IdentityCode) is { } invalid)
                    (professional ? check.Errors : check.Flags).Add($"{path}.identityCode", invalid);
                else if (PersonalIdentityCode.TryParse(child.IdentityCode, out var code) && code is not null
                         && child.DateOfBirth is { } stated && stated != code.BirthDate)
                    check.Flags.Add($"{path}.dateOfBirth", ProblemCode.DateOfBirthMismatch);
            }
            if (child.DateOfBirth is { } birth && birth > today)
                check.Flags.Add($"{path}.dateOfBirth", ProblemCode.InFuture);
        }
    }

    private static void CheckGuardians(IReadOnlyList<Guardian>? guardians, NotificationCheck check)
    {
        if (guardians is null) return;
        if (guardians.Count > MaxGuardians)
            check.Errors.Add("guardians", ProblemCode.TooManyGuardians, Number(MaxGuardians));
        for (var i = 0; i < guardians.Count; i++)
        {
            var guardian = guardians[i];
            if (guardian is null)
            {
                check.Errors.Add($"guardians[{i}]", ProblemCode.MustBeObject);
                continue;
            }
            CheckLength(guardian.Name, $"guardians[{i}].name", check.Errors);
            CheckLength(guardian.Address, $"guardians[{i}].address", check.Errors);
            CheckPhone(guardian.Phone, $"guardians[{i}].phone", check.Flags, check.Errors);
            CheckEmail(guardian.Email, $"guardians[{i}].email", check.Flags, check.Errors);
        }
    }

    private static void Require(string? value, string path, FieldProblems errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(path, ProblemCode.Required);
    }

    private static void CheckLength(string? value, string path, FieldProblems errors)
    {
        if (value is not null && value.Length > MaxTextLength) errors.Add(path, ProblemCode.TooLong, Number(MaxTextLength));
    }

    /// <summary>A phone number that is not one goes to <paramref name="problems"/> (an error or a flag); one too long is always an error.</summary>
    private static void CheckPhone(string? value, string path, FieldProblems problems, FieldProblems errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Length > MaxTextLength) { errors.Add(path, ProblemCode.TooLong, Number(MaxTextLength)); return; }
        var digits = value.Count(char.IsDigit);
        if (digits < 5 || digits > 15 || value.Any(c => !(char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            problems.Add(path, ProblemCode.NotAPhoneNumber);
    }

    private static void CheckEmail(string? value, string path, FieldProblems problems, FieldProblems errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Length > 254) { errors.Add(path, ProblemCode.TooLong, "254"); return; }
        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim() || !parsed.Host.Contains('.'))
            problems.Add(path, ProblemCode.NotAnEmailAddress);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What intake makes of a notification: what refuses it (<see cref="Errors"/>: 400, nothing stored) and what is kept as given but flagged.</summary>
public sealed record NotificationCheck(FieldProblems Errors, FieldProblems Flags)
{
    /// <summary>The flags as the case keeps them: <c>path: code</c>.</summary>
    public IReadOnlyList<string> FlagCodes =>
        [.. Flags.ByField.SelectMany(f => f.Value.Select(p => $"{f.Key}: {p.Code}"))];
}
