namespace LumoFlow.Domain.Validation;

/// <summary>
/// Which problem a field has: a stable code for every message LumoFlow can give about what was sent. The words for
/// each are in <see cref="ProblemWords"/>; a new code does not compile without them.
/// </summary>
public enum ProblemCode
{
    // Any field.
    Required,
    RequiredYesNo,
    MustBeString,
    MustBeTrueOrFalse,
    MustBeObject,
    TooLong,
    MustBeOneOf,
    NotIsoTime,
    InFuture,
    NotAPhoneNumber,
    NotAnEmailAddress,
    NotADate,
    NotAnIsoDate,

    // A Finnish personal identity code (henkilötunnus): what is wrong with it.
    IdentityCodeLength,
    IdentityCodeCenturySign,
    IdentityCodeDate,
    IdentityCodeIndividualNumber,
    IdentityCodeCheckCharacter,
    /// <summary>An invisible control or format character (a tab, a zero-width space, a direction mark): always refused, never flagged.</summary>
    IdentityCodeControlCharacters,

    // The notification (LSL §§ 25–25 c).
    NotifierType,
    ProfessionalNotAnonymous,
    ProfessionalGivesContact,
    NotALanguage,
    NotAChildLanguage,
    ChildRequired,
    TooManyChildren,
    TooManyGuardians,
    RequiredForPreBirth,
    UnbornHasNoIdentityCode,
    DateOfBirthMismatch,
    IdentityCodeOrDateOfBirth,
    ConcernRequired,
    UnknownReason,
    JointContactByProfessional,
    ReceivedAtStaffOnly,
    ReceivedAtTooOld,
    ChildNotIdentified,
    NotAChildsAge,

    // Staff events and controls.
    TeamOrWorker,
    GiveOne,
    /// <summary>An urgent measure is recorded only with an urgent need (<c>urgent: true</c>).</summary>
    MeasureOnlyWhenUrgent,
    ReasonRequired,
    TerminationReasonRequired,
    EventDetailsNotObject,

    // The administrators' list and report.
    NotARuntimeStatus,
    NotAPhase,
    NotAnOverdueKind,
    EndsBeforeStart,
    NotACaseIdStart,
    NotAnOrder,
    NotAPageSize,
    NotAContinuationToken,
    NotATeam,
    PeriodMissing,
    NotAPeriod,
    PeriodDatesNotReal,
    PeriodEndsBeforeStart,
    PeriodTooLong,
}
