using LumoFlow.Domain.Wording;

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

    public static readonly Vocabulary All = new()
    {
        { ChildWelfare, new("Lastensuojeluilmoitus", "Barnskyddsanmälan", "Child-welfare notification") },
        { JointContact, new("Yhteydenotto yhdessä perheen kanssa", "Kontakt tillsammans med familjen", "Contact together with the family") },
        { PreBirth, new("Ennakollinen lastensuojeluilmoitus", "Föregripande barnskyddsanmälan", "Pre-birth notification") },
    };
}

/// <summary>Notifier types: duty-bound professionals (LSL § 25(1)) and private persons (LSL § 25(2)).</summary>
public static class NotifierTypes
{
    public const string Professional = "professional";
    public const string Private = "private";

    public static readonly Vocabulary All = new()
    {
        { Professional, new("Ammattilainen", "Yrkesperson", "Professional") },
        { Private, new("Yksityishenkilö", "Privatperson", "Private person") },
    };
}

/// <summary>The reasons the regions' electronic forms let a notifier tick (a notification may tick several).</summary>
public static class ConcernReasons
{
    public static readonly Vocabulary All = new()
    {
        { "neglect", new("Lapsen tarpeiden laiminlyönti", "Försummelse av barnets behov", "Neglect of the child's needs") },
        { "abandonment", new("Hylkääminen", "Övergivande", "Abandonment") },
        { "violenceOrSexualAbuse", new("Väkivalta tai seksuaalinen hyväksikäyttö, sen epäily tai uhka", "Våld eller sexuellt utnyttjande, misstanke eller hot om det", "Violence or sexual abuse, or a suspicion or threat of it") },
        { "otherCareShortcomings", new("Muut puutteet huolenpidossa", "Andra brister i omsorgen", "Other shortcomings in care") },
        { "carerSubstanceOrMentalHealth", new("Huoltajan päihde- tai mielenterveysongelmat tai uupumus", "Vårdnadshavarens missbruk, psykiska problem eller utmattning", "A carer's substance or mental-health problems or exhaustion") },
        { "noSupportNetwork", new("Arjen tukiverkoston puute", "Inget stödnätverk i vardagen", "No everyday support network") },
        { "childSubstanceUse", new("Lapsen päihteiden käyttö", "Barnets missbruk", "The child's substance use") },
        { "childMentalHealth", new("Lapsen mielenterveysongelmat", "Barnets psykiska problem", "The child's mental-health problems") },
        { "childOffending", new("Lapsen rikollinen käyttäytyminen", "Barnets brottsliga beteende", "The child's offending") },
        { "childSelfHarm", new("Lapsen itsetuhoisuus", "Barnets självdestruktivitet", "The child's self-harm") },
        { "parentChildInteraction", new("Vakavat vuorovaikutusongelmat vanhemman ja lapsen välillä", "Allvarliga problem i samspelet mellan förälder och barn", "Serious interaction problems between parent and child") },
        { "schoolNeglect", new("Koulunkäynnin jatkuva laiminlyönti", "Ihållande försummelse av skolgången", "Persistent neglect of schooling") },
        { "excessiveResponsibility", new("Lapsen ikään nähden liian suuri vastuu", "Ett ansvar som är för stort för barnets ålder", "Responsibility out of proportion to the child's age") },
        { "financialSituation", new("Taloudellinen tilanne, joka vaarantaa lapsen hoidon", "En ekonomisk situation som äventyrar omsorgen om barnet", "A financial situation that endangers the child's care") },
        { "other", new("Muu syy", "Annan orsak", "Other reason") },
    };
}

/// <summary>Languages a recipient can get email in, and the languages a child may speak as the forms ask it.</summary>
public static class Languages
{
    public static readonly Vocabulary Email = new()
    {
        { "fi", new("suomi", "finska", "Finnish") },
        { "sv", new("ruotsi", "svenska", "Swedish") },
        { "en", new("englanti", "engelska", "English") },
    };

    public static readonly Vocabulary Child = new()
    {
        { "fi", new("suomi", "finska", "Finnish") },
        { "sv", new("ruotsi", "svenska", "Swedish") },
        { "other", new("muu", "annat", "other") },
    };
}
