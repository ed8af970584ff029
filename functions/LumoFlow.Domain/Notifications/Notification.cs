using LumoFlow.Domain.Validation;

namespace LumoFlow.Domain.Notifications;

/// <summary>
/// A child-welfare notification (lastensuojeluilmoitus) as submitted, shaped after the national
/// Kanta document structure: who notifies, about which child, what the concern is, and how urgent.
/// This is the wire shape of <c>POST /api/notifications</c>; <see cref="NotificationValidator"/> says what is valid.
/// </summary>
public sealed record Notification
{
    /// <summary><c>childWelfare</c> (LSL § 25), <c>jointContact</c> (made together with the family, LSL § 25 a) or <c>preBirth</c> (LSL § 25 c).</summary>
    public string? Kind { get; init; }
    public Notifier? Notifier { get; init; }
    public IReadOnlyList<Child>? Children { get; init; }
    public IReadOnlyList<Guardian>? Guardians { get; init; }
    /// <summary>The concern in the notifier's own words (free text).</summary>
    public string? Concern { get; init; }
    /// <summary>Ticked reasons from the regions' e-forms (see <see cref="ConcernReasons"/>); optional.</summary>
    public IReadOnlyList<string>? Reasons { get; init; }
    /// <summary>The child is said to be in immediate danger: must reach a social worker at once (LSL § 26(2)).</summary>
    public bool ImmediateDanger { get; init; }
    /// <summary>Made together with the child or a guardian (LSL § 25 a).</summary>
    public bool MadeTogetherWithFamily { get; init; }
    /// <summary>A sexual offence or violence against the child is suspected: a police report is also required (LSL § 25(3)).</summary>
    public bool OffenceSuspected { get; init; }
    /// <summary>Whether the child or guardian has been told about the notification (THL minimum content); null when unknown.</summary>
    public bool? FamilyInformed { get; init; }
    /// <summary>Whether the notifier's knowledge is first-hand; null when not said.</summary>
    public bool? FirstHandKnowledge { get; init; }

    /// <summary>
    /// When the notification was really received (vireilletulo), as ISO 8601 with an offset — set only by staff who
    /// register afterwards a notification made by phone or in person. The deadlines count from it. A notifier's own
    /// submission is received when it arrives, so it leaves this empty (<see cref="NotificationValidator"/>).
    /// </summary>
    public string? ReceivedAt { get; init; }

    /// <summary>The instant the case opens: <see cref="ReceivedAt"/> when staff gave it (never later than now), else now.</summary>
    public DateTimeOffset TimeOfReceipt(DateTimeOffset now) =>
        Calendar.IsoTimestamp.TryParse(ReceivedAt, out var receivedAt) && receivedAt < now ? receivedAt : now;

    /// <summary>
    /// The notification with the control and format characters taken out of its free text (<see cref="FreeText"/>), as
    /// intake stores it: the concern keeps its line breaks, names, addresses and contact details become single lines.
    /// Codes (the kind, the notifier's type, languages, reasons, <see cref="ReceivedAt"/>) and identity codes are left as
    /// sent: a code with such a character in it is not one, and <see cref="NotificationValidator"/> refuses it.
    /// </summary>
    public Notification WithCleanText() => this with
    {
        Notifier = Notifier is not { } notifier ? null : notifier with
        {
            Name = FreeText.Line(notifier.Name),
            Profession = FreeText.Line(notifier.Profession),
            Organisation = FreeText.Line(notifier.Organisation),
            Phone = FreeText.Line(notifier.Phone),
            Email = FreeText.Line(notifier.Email),
        },
        Children = Children?.Select(child => child is null ? null! : child with
        {
            Name = FreeText.Line(child.Name),
            Whereabouts = FreeText.Line(child.Whereabouts),
            HomeMunicipality = FreeText.Line(child.HomeMunicipality),
        }).ToList(),
        Guardians = Guardians?.Select(guardian => guardian is null ? null! : guardian with
        {
            Name = FreeText.Line(guardian.Name),
            Phone = FreeText.Line(guardian.Phone),
            Email = FreeText.Line(guardian.Email),
            Address = FreeText.Line(guardian.Address),
        }).ToList(),
        Concern = FreeText.Note(Concern),
    };
}

/// <summary>The person who notifies (ilmoittaja).</summary>
public sealed record Notifier
{
    /// <summary><c>professional</c> (duty-bound, LSL § 25(1)) or <c>private</c> (anyone, LSL § 25(2)).</summary>
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? Profession { get; init; }
    public string? Organisation { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>Language for the notifier's emails: <c>fi</c>, <c>sv</c> or <c>en</c>. Default <c>fi</c>.</summary>
    public string? Language { get; init; }
    /// <summary>Only a private person may stay anonymous; duty-bound notifiers cannot.</summary>
    public bool Anonymous { get; init; }
}

/// <summary>A child the notification concerns.</summary>
public sealed record Child
{
    public string? Name { get; init; }
    /// <summary>Finnish personal identity code (henkilötunnus), when known.</summary>
    public string? IdentityCode { get; init; }
    /// <summary>Birth date when the identity code is not known (yyyy-MM-dd).</summary>
    public DateOnly? DateOfBirth { get; init; }
    /// <summary>About how old the child is, in years, when neither the identity code nor the birth date is known.</summary>
    public int? ApproximateAge { get; init; }
    /// <summary>Where the child lives or was seen (an address, a street, a school), when the rest is not known.</summary>
    public string? Whereabouts { get; init; }
    /// <summary>Expected birth date, for a pre-birth notification (LSL § 25 c).</summary>
    public DateOnly? ExpectedBirthDate { get; init; }
    /// <summary>Home municipality, by name or three-digit municipality code; decides the team (the default team when unknown).</summary>
    public string? HomeMunicipality { get; init; }
    /// <summary><c>fi</c>, <c>sv</c> or <c>other</c>.</summary>
    public string? Language { get; init; }
}

/// <summary>A guardian (huoltaja), if known.</summary>
public sealed record Guardian
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Address { get; init; }
}
