using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>Who of the family is told (<see cref="FamilyMemberInformed"/>, <see cref="FamilyMemberNotInformed"/>).</summary>
public static class FamilyRoles
{
    public const string Child = "child";
    public const string Guardian = "guardian";

    public static readonly Vocabulary All = new()
    {
        { Child, new("Lapsi", "Barnet", "The child") },
        { Guardian, new("Huoltaja", "Vårdnadshavare", "A guardian") },
    };
}

/// <summary>LSL § 27(2): why client status began (<see cref="ClientStatusStarted"/>).</summary>
public static class ClientStatusReasons
{
    public const string UrgentMeasure = "urgentMeasure";
    public const string SupportBeforeAssessment = "supportBeforeAssessment";
    public const string Assessment = "assessment";

    public static readonly Vocabulary All = new()
    {
        { UrgentMeasure, new("Kiireellinen lastensuojelutoimenpide (LSL 27 § 2 mom.)", "Brådskande barnskyddsåtgärd (BsL 27 § 2 mom.)", "An urgent child-welfare measure (LSL § 27(2))") },
        { SupportBeforeAssessment, new("Tukea annettu ennen arvioinnin valmistumista (LSL 27 § 2 mom.)", "Stöd gett innan bedömningen är klar (BsL 27 § 2 mom.)", "Support given before the assessment is complete (LSL § 27(2))") },
        { Assessment, new("Palvelutarpeen arvioinnin tulos (LSL 27 § 1 mom.)", "Resultatet av bedömningen av servicebehovet (BsL 27 § 1 mom.)", "The service-need assessment's conclusion (LSL § 27(1))") },
    };
}

/// <summary>The urgent measures that begin client status by themselves (<see cref="UrgencyAssessed.Measure"/>).</summary>
public static class UrgentMeasures
{
    public static readonly Vocabulary All = new()
    {
        { "urgentSupport", new("Kiireellinen avohuollon tukitoimi (LSL 37 b §)", "Brådskande stödåtgärd inom öppenvården (BsL 37 b §)", "Urgent support in open care (LSL § 37 b)") },
        { "urgentPlacement", new("Kiireellinen sijoitus (LSL 38 §)", "Brådskande placering (BsL 38 §)", "Urgent placement (LSL § 38)") },
    };
}

/// <summary>LSL § 25(3): who told the police before the social worker would have (<see cref="PoliceAlreadyInformed"/>).</summary>
public static class PoliceInformers
{
    public static readonly Vocabulary All = new()
    {
        { "notifier", new("Ilmoittaja (oma ilmoitusvelvollisuutensa)", "Anmälaren (sin egen anmälningsplikt)", "The notifier (their own duty)") },
        { "police", new("Poliisi itse", "Polisen själv", "The police themselves") },
    };
}
