using System.Globalization;
using System.Net.Mail;
using LumoFlow.Domain.Calendar;
using LumoFlow.Domain.Validation;

namespace LumoFlow.Domain.Notifications;

/// <summary>
/// What makes a notification acceptable at intake. Errors are keyed by the JSON path of the bad
/// field (<c>children[0].identityCode</c>) so the notifier sees exactly what to fix, and each carries a stable code
/// (<see cref="ProblemCode"/>) so a page says it in its reader's language. A notification with any error is not stored.
/// </summary>
public static class NotificationValidator
{
    public const int MaxConcernLength = 20_000;
    public const int MaxTextLength = 200;
    public const int MaxChildren = 20;
    public const int MaxGuardians = 10;

    /// <summary>How far ahead of the server's clock a submitted time may be (a device's clock is rarely exact).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far back staff may date a notification they register afterwards. A notification made by phone or in person
    /// is registered within days; a time a year or more back is far likelier a typing error than a real receipt.
    /// </summary>
    public static readonly TimeSpan MaxRegistrationDelay = TimeSpan.FromDays(366);

    /// <param name="notification">The submitted notification.</param>
    /// <param name="now">The moment of submission: no birth date and no time of receipt may lie after it.</param>
    /// <param name="registeredByStaff">
    /// Staff (authenticated with the function key) register a notification they received by phone or in person, and
    /// may give its real time of receipt; a notifier's own submission may not.
    /// </param>
    public static IReadOnlyDictionary<string, string[]> Validate(Notification notification, DateTimeOffset now, bool registeredByStaff = false) =>
        Problems(notification, now, registeredByStaff).English;

    /// <inheritdoc cref="Validate"/>
    public static FieldProblems Problems(Notification notification, DateTimeOffset now, bool registeredByStaff = false)
    {
        var today = HelsinkiTime.LocalDate(now);
        var errors = new FieldProblems();
        var kind = notification.Kind ?? NotificationKinds.ChildWelfare;
        if (!NotificationKinds.All.Contains(kind))
            errors.Add("kind", ProblemCode.MustBeOneOf, string.Join(", ", NotificationKinds.All.Codes));

        ValidateNotifier(notification.Notifier, kind, errors);
        ValidateChildren(notification.Children, kind, today, errors);
        ValidateGuardians(notification.Guardians, errors);

        if (string.IsNullOrWhiteSpace(notification.Concern))
            errors.Add("concern", ProblemCode.ConcernRequired);
        else if (notification.Concern.Length > MaxConcernLength)
            errors.Add("concern", ProblemCode.TooLong, Number(MaxConcernLength));

        if (notification.Reasons is { } reasons)
            for (var i = 0; i < reasons.Count; i++)
                if (!ConcernReasons.All.Contains(reasons[i] ?? ""))
                    errors.Add($"reasons[{i}]", ProblemCode.UnknownReason, string.Join(", ", ConcernReasons.All.Codes));

        // LSL § 25 a: contacting social services together with the family is the duty-bound notifier's alternative.
        if (kind == NotificationKinds.JointContact && notification.Notifier?.Type != NotifierTypes.Professional)
            errors.Add("kind", ProblemCode.JointContactByProfessional);

        ValidateReceivedAt(notification.ReceivedAt, now, registeredByStaff, errors);
        return errors;
    }

    /// <summary>
    /// The case opens when the notification is received (vireilletulo, LSL § 26). A notifier's own submission is
    /// received as it arrives; staff registering a phone call or a visit afterwards give the time it really happened.
    /// </summary>
    private static void ValidateReceivedAt(string? receivedAt, DateTimeOffset now, bool registeredByStaff, FieldProblems errors)
    {
        if (receivedAt is null) return;
        if (!registeredByStaff)
        {
            errors.Add("receivedAt", ProblemCode.ReceivedAtStaffOnly);
            return;
        }
        if (!IsoTimestamp.TryParse(receivedAt, out var at))
            errors.Add("receivedAt", ProblemCode.NotIsoTime, IsoTimestamp.Example);
        else if (at > now + ClockSkew)
            errors.Add("receivedAt", ProblemCode.InFuture);
        else if (at < now - MaxRegistrationDelay)
            errors.Add("receivedAt", ProblemCode.ReceivedAtTooOld);
    }

    private static void ValidateNotifier(Notifier? notifier, string kind, FieldProblems errors)
    {
        if (notifier is null)
        {
            errors.Add("notifier", ProblemCode.Required);
            return;
        }
        switch (notifier.Type)
        {
            case NotifierTypes.Professional:
                // LSL § 25(1): a duty-bound notifier gives name and contact details; no anonymity.
                if (notifier.Anonymous)
                    errors.Add("notifier.anonymous", ProblemCode.ProfessionalNotAnonymous);
                Require(notifier.Name, "notifier.name", errors);
                Require(notifier.Profession, "notifier.profession", errors);
                Require(notifier.Organisation, "notifier.organisation", errors);
                if (string.IsNullOrWhiteSpace(notifier.Phone) && string.IsNullOrWhiteSpace(notifier.Email))
                    errors.Add("notifier.phone", ProblemCode.ProfessionalGivesContact);
                break;
            case NotifierTypes.Private:
                // LSL § 25(2): anyone may notify; a private person may ask to stay anonymous.
                if (!notifier.Anonymous)
                    Require(notifier.Name, "notifier.name", errors);
                break;
            default:
                errors.Add("notifier.type", ProblemCode.NotifierType);
                break;
        }
        CheckLength(notifier.Name, "notifier.name", errors);
        CheckLength(notifier.Profession, "notifier.profession", errors);
        CheckLength(notifier.Organisation, "notifier.organisation", errors);
        CheckPhone(notifier.Phone, "notifier.phone", errors);
        CheckEmail(notifier.Email, "notifier.email", errors);
        if (notifier.Language is { } language && !Languages.Email.Contains(language))
            errors.Add("notifier.language", ProblemCode.NotALanguage);
    }

    private static void ValidateChildren(IReadOnlyList<Child>? children, string kind, DateOnly today, FieldProblems errors)
    {
        if (children is null || children.Count == 0)
        {
            errors.Add("children", ProblemCode.ChildRequired);
            return;
        }
        if (children.Count > MaxChildren)
            errors.Add("children", ProblemCode.TooManyChildren, Number(MaxChildren));

        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var path = $"children[{i}]";
            if (child is null)
            {
                errors.Add(path, ProblemCode.MustBeObject);
                continue;
            }
            Require(child.HomeMunicipality, $"{path}.homeMunicipality", errors);
            CheckLength(child.HomeMunicipality, $"{path}.homeMunicipality", errors);
            CheckLength(child.Name, $"{path}.name", errors);
            if (child.Language is { } language && !Languages.Child.Contains(language))
                errors.Add($"{path}.language", ProblemCode.NotAChildLanguage);

            if (kind == NotificationKinds.PreBirth)
            {
                // LSL § 25 c: the child is not born yet; the expected birth date identifies the case.
                if (child.ExpectedBirthDate is null)
                    errors.Add($"{path}.expectedBirthDate", ProblemCode.RequiredForPreBirth);
                if (child.IdentityCode is not null)
                    errors.Add($"{path}.identityCode", ProblemCode.UnbornHasNoIdentityCode);
                continue;
            }

            Require(child.Name, $"{path}.name", errors);
            if (child.IdentityCode is not null)
            {
                var problem = PersonalIdentityCode.ProblemOf(child.IdentityCode);
                if (problem is { } invalid)
                    errors.Add($"{path}.identityCode", invalid);
                else if (PersonalIdentityCode.TryParse(child.IdentityCode, out var code) && code is not null
                         && child.DateOfBirth is { } stated && stated != code.BirthDate)
                    errors.Add($"{path}.dateOfBirth", ProblemCode.DateOfBirthMismatch);
            }
            else if (child.DateOfBirth is null)
                errors.Add($"{path}.identityCode", ProblemCode.IdentityCodeOrDateOfBirth);

            if (child.DateOfBirth is { } birth && birth > today)
                errors.Add($"{path}.dateOfBirth", ProblemCode.InFuture);
        }
    }

    private static void ValidateGuardians(IReadOnlyList<Guardian>? guardians, FieldProblems errors)
    {
        if (guardians is null) return;
        if (guardians.Count > MaxGuardians)
            errors.Add("guardians", ProblemCode.TooManyGuardians, Number(MaxGuardians));
        for (var i = 0; i < guardians.Count; i++)
        {
            var guardian = guardians[i];
            if (guardian is null)
            {
                errors.Add($"guardians[{i}]", ProblemCode.MustBeObject);
                continue;
            }
            CheckLength(guardian.Name, $"guardians[{i}].name", errors);
            CheckLength(guardian.Address, $"guardians[{i}].address", errors);
            CheckPhone(guardian.Phone, $"guardians[{i}].phone", errors);
            CheckEmail(guardian.Email, $"guardians[{i}].email", errors);
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

    private static void CheckPhone(string? value, string path, FieldProblems errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var digits = value.Count(char.IsDigit);
        if (digits < 5 || digits > 15 || value.Any(c => !(char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            errors.Add(path, ProblemCode.NotAPhoneNumber);
    }

    private static void CheckEmail(string? value, string path, FieldProblems errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Length > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim() || !parsed.Host.Contains('.'))
            errors.Add(path, ProblemCode.NotAnEmailAddress);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
