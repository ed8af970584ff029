namespace LumoFlow.Domain.Notifications;

/// <summary>The kinds of submission the regions' e-forms offer.</summary>
public static class NotificationKinds
{
    /// <summary>Lastensuojeluilmoitus, LSL § 25.</summary>
    public const string ChildWelfare = "childWelfare";
    /// <summary>Contact to social services made together with the child or parent, LSL § 25 a / SHL § 35.</summary>
    public const string JointContact = "jointContact";
    /// <summary>Ennakollinen lastensuojeluilmoitus, LSL § 25 c.</summary>
    public const string PreBirth = "preBirth";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { ChildWelfare, JointContact, PreBirth };
}

/// <summary>Notifier types: duty-bound professionals (LSL § 25(1)) and private persons (LSL § 25(2)).</summary>
public static class NotifierTypes
{
    public const string Professional = "professional";
    public const string Private = "private";
}

/// <summary>The reasons the regions' electronic forms let a notifier tick (a notification may tick several).</summary>
public static class ConcernReasons
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        "neglect", "abandonment", "violenceOrSexualAbuse", "otherCareShortcomings",
        "carerSubstanceOrMentalHealth", "noSupportNetwork", "childSubstanceUse", "childMentalHealth",
        "childOffending", "childSelfHarm", "parentChildInteraction", "schoolNeglect",
        "excessiveResponsibility", "financialSituation", "other",
    };
}

/// <summary>Languages a recipient can get email in.</summary>
public static class Languages
{
    public static readonly IReadOnlySet<string> Email = new HashSet<string> { "fi", "sv", "en" };
    public static readonly IReadOnlySet<string> Child = new HashSet<string> { "fi", "sv", "other" };
}
