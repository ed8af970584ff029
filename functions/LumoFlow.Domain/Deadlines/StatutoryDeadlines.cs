namespace LumoFlow.Domain.Deadlines;

/// <summary>The statutory deadlines of one child-welfare case, fixed when the notification is received.</summary>
/// <param name="ReceivedAt">The instant the notification was received.</param>
/// <param name="ReceivedOn">
/// The Helsinki local date of receipt: the day the case opens (vireilletulo). It is not itself counted.
/// </param>
/// <param name="DecisionDue">
/// LSL § 26(5), SHL § 36: the service-need assessment is started, or found obviously unnecessary,
/// at the latest on the 7th working day (arkipäivä) after receipt; the day of receipt is not counted.
/// The child and guardians are also told within this time (THL).
/// </param>
/// <param name="AssessmentDue">
/// SHL § 36(3): the assessment is complete at the latest 3 months after the case opened.
/// Months are counted per Laki säädettyjen määräaikain laskemisesta 150/1930 § 2–3: the same day
/// number in the third month, or that month's last day when it is shorter.
/// Not moved off a weekend or holiday (<em>interpretation:</em> the act's § 5 concerns acts of parties,
/// not the authority's own limit).
/// </param>
public sealed record StatutoryDeadlines(
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn,
    DateOnly DecisionDue,
    DateOnly AssessmentDue);
