using System.Net.Mail;
using LumoFlow.Domain.Calendar;

namespace LumoFlow.Domain.Notifications;

/// <summary>
/// What makes a notification acceptable at intake. Errors are keyed by the JSON path of the bad
/// field (<c>children[0].identityCode</c>) so the notifier sees exactly what to fix.
/// A notification with any error is not stored at all.
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
    public static IReadOnlyDictionary<string, string[]> Validate(Notification notification, DateTimeOffset now, bool registeredByStaff = false)
    {
        var today = HelsinkiTime.LocalDate(now);
        var errors = new Errors();
        var kind = notification.Kind ?? NotificationKinds.ChildWelfare;
        if (!NotificationKinds.All.Contains(kind))
            errors.Add("kind", $"must be one of: {string.Join(", ", NotificationKinds.All)}");

        ValidateNotifier(notification.Notifier, kind, errors);
        ValidateChildren(notification.Children, kind, today, errors);
        ValidateGuardians(notification.Guardians, errors);

        if (string.IsNullOrWhiteSpace(notification.Concern))
            errors.Add("concern", "is required: describe the concern in your own words");
        else if (notification.Concern.Length > MaxConcernLength)
            errors.Add("concern", $"must be at most {MaxConcernLength} characters");

        if (notification.Reasons is { } reasons)
            for (var i = 0; i < reasons.Count; i++)
                if (!ConcernReasons.All.Contains(reasons[i] ?? ""))
                    errors.Add($"reasons[{i}]", $"unknown reason; use one of: {string.Join(", ", ConcernReasons.All)}");

        // LSL § 25 a: contacting social services together with the family is the duty-bound notifier's alternative.
        if (kind == NotificationKinds.JointContact && notification.Notifier?.Type != NotifierTypes.Professional)
            errors.Add("kind", "a joint contact (LSL § 25 a) is made by a duty-bound professional");

        ValidateReceivedAt(notification.ReceivedAt, now, registeredByStaff, errors);
        return errors.Result;
    }

    /// <summary>
    /// The case opens when the notification is received (vireilletulo, LSL § 26). A notifier's own submission is
    /// received as it arrives; staff registering a phone call or a visit afterwards give the time it really happened.
    /// </summary>
    private static void ValidateReceivedAt(string? receivedAt, DateTimeOffset now, bool registeredByStaff, Errors errors)
    {
        if (receivedAt is null) return;
        if (!registeredByStaff)
        {
            errors.Add("receivedAt", "only staff registering a notification received by phone or in person may set the time of receipt; leave it out");
            return;
        }
        if (!IsoTimestamp.TryParse(receivedAt, out var at))
            errors.Add("receivedAt", $"must be an ISO 8601 time with an offset, e.g. {IsoTimestamp.Example}");
        else if (at > now + ClockSkew)
            errors.Add("receivedAt", "cannot be in the future");
        else if (at < now - MaxRegistrationDelay)
            errors.Add("receivedAt", "cannot be more than a year in the past");
    }

    private static void ValidateNotifier(Notifier? notifier, string kind, Errors errors)
    {
        if (notifier is null)
        {
            errors.Add("notifier", "is required");
            return;
        }
        switch (notifier.Type)
        {
            case NotifierTypes.Professional:
                // LSL § 25(1): a duty-bound notifier gives name and contact details; no anonymity.
                if (notifier.Anonymous)
                    errors.Add("notifier.anonymous", "a professional (duty-bound) notifier cannot be anonymous");
                Require(notifier.Name, "notifier.name", errors);
                Require(notifier.Profession, "notifier.profession", errors);
                Require(notifier.Organisation, "notifier.organisation", errors);
                if (string.IsNullOrWhiteSpace(notifier.Phone) && string.IsNullOrWhiteSpace(notifier.Email))
                    errors.Add("notifier.phone", "a professional notifier gives a phone number or an email address");
                break;
            case NotifierTypes.Private:
                // LSL § 25(2): anyone may notify; a private person may ask to stay anonymous.
                if (!notifier.Anonymous)
                    Require(notifier.Name, "notifier.name", errors);
                break;
            default:
                errors.Add("notifier.type", "must be 'professional' or 'private'");
                break;
        }
        CheckLength(notifier.Name, "notifier.name", errors);
        CheckLength(notifier.Profession, "notifier.profession", errors);
        CheckLength(notifier.Organisation, "notifier.organisation", errors);
        CheckPhone(notifier.Phone, "notifier.phone", errors);
        CheckEmail(notifier.Email, "notifier.email", errors);
        if (notifier.Language is { } language && !Languages.Email.Contains(language))
            errors.Add("notifier.language", "must be 'fi', 'sv' or 'en'");
    }

    private static void ValidateChildren(IReadOnlyList<Child>? children, string kind, DateOnly today, Errors errors)
    {
        if (children is null || children.Count == 0)
        {
            errors.Add("children", "at least one child is required");
            return;
        }
        if (children.Count > MaxChildren)
            errors.Add("children", $"at most {MaxChildren} children per notification");

        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var path = $"children[{i}]";
            if (child is null)
            {
                errors.Add(path, "must be an object");
                continue;
            }
            Require(child.HomeMunicipality, $"{path}.homeMunicipality", errors);
            CheckLength(child.HomeMunicipality, $"{path}.homeMunicipality", errors);
            CheckLength(child.Name, $"{path}.name", errors);
            if (child.Language is { } language && !Languages.Child.Contains(language))
                errors.Add($"{path}.language", "must be 'fi', 'sv' or 'other'");

            if (kind == NotificationKinds.PreBirth)
            {
                // LSL § 25 c: the child is not born yet; the expected birth date identifies the case.
                if (child.ExpectedBirthDate is null)
                    errors.Add($"{path}.expectedBirthDate", "is required for a pre-birth notification");
                if (child.IdentityCode is not null)
                    errors.Add($"{path}.identityCode", "an unborn child has no identity code");
                continue;
            }

            Require(child.Name, $"{path}.name", errors);
            if (child.IdentityCode is not null)
            {
                var problem = PersonalIdentityCode.Validate(child.IdentityCode);
                if (problem is not null)
                    errors.Add($"{path}.identityCode", $"is not a valid Finnish personal identity code: {problem}");
                else if (PersonalIdentityCode.TryParse(child.IdentityCode, out var code) && code is not null
                         && child.DateOfBirth is { } stated && stated != code.BirthDate)
                    errors.Add($"{path}.dateOfBirth", "does not match the identity code");
            }
            else if (child.DateOfBirth is null)
                errors.Add($"{path}.identityCode", "give the identity code or, if it is not known, the dateOfBirth");

            if (child.DateOfBirth is { } birth && birth > today)
                errors.Add($"{path}.dateOfBirth", "cannot be in the future");
        }
    }

    private static void ValidateGuardians(IReadOnlyList<Guardian>? guardians, Errors errors)
    {
        if (guardians is null) return;
        if (guardians.Count > MaxGuardians)
            errors.Add("guardians", $"at most {MaxGuardians} guardians");
        for (var i = 0; i < guardians.Count; i++)
        {
            var guardian = guardians[i];
            if (guardian is null)
            {
                errors.Add($"guardians[{i}]", "must be an object");
                continue;
            }
            CheckLength(guardian.Name, $"guardians[{i}].name", errors);
            CheckLength(guardian.Address, $"guardians[{i}].address", errors);
            CheckPhone(guardian.Phone, $"guardians[{i}].phone", errors);
            CheckEmail(guardian.Email, $"guardians[{i}].email", errors);
        }
    }

    private static void Require(string? value, string path, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(path, "is required");
    }

    private static void CheckLength(string? value, string path, Errors errors)
    {
        if (value is not null && value.Length > MaxTextLength) errors.Add(path, $"must be at most {MaxTextLength} characters");
    }

    private static void CheckPhone(string? value, string path, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var digits = value.Count(char.IsDigit);
        if (digits < 5 || digits > 15 || value.Any(c => !(char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            errors.Add(path, "is not a phone number");
    }

    private static void CheckEmail(string? value, string path, Errors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Length > 254 || !MailAddress.TryCreate(value, out var parsed) || parsed.Address != value.Trim() || !parsed.Host.Contains('.'))
            errors.Add(path, "is not an email address");
    }

    /// <summary>Collects messages per field path.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);
        public void Add(string path, string message)
        {
            if (!_byPath.TryGetValue(path, out var list)) _byPath[path] = list = [];
            list.Add(message);
        }
        public IReadOnlyDictionary<string, string[]> Result => _byPath.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
