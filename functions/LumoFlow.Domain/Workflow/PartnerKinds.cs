using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>The partners who take part in an assessment at the responsible worker's request (SHL § 41).</summary>
public static class PartnerKinds
{
    public static readonly Vocabulary All = new()
    {
        { "school", new("Koulu", "Skola", "School") },
        { "daycare", new("Varhaiskasvatus", "Småbarnspedagogik", "Day care") },
        { "childHealthClinic", new("Neuvola", "Rådgivning", "Child health clinic") },
        { "healthCare", new("Terveydenhuolto", "Hälso- och sjukvård", "Health care") },
        { "mentalHealth", new("Mielenterveyspalvelut", "Mentalvårdstjänster", "Mental-health services") },
        { "substanceServices", new("Päihdepalvelut", "Missbrukartjänster", "Substance services") },
        { "familyCounselling", new("Perheneuvola", "Familjerådgivning", "Family counselling") },
        { "police", new("Poliisi", "Polisen", "Police") },
        { "other", new("Muu", "Annan", "Other") },
    };

    /// <summary>Where a request to a partner stands (<see cref="PartnerRequestStatus"/>).</summary>
    public static readonly Vocabulary Statuses = new()
    {
        { nameof(PartnerRequestStatus.Requested), new("Odottaa vastausta", "Väntar på svar", "Waiting for an answer") },
        { nameof(PartnerRequestStatus.Answered), new("Vastattu", "Besvarad", "Answered") },
        { nameof(PartnerRequestStatus.Waived), new("Ei enää tarpeen", "Behövs inte längre", "No longer needed") },
    };
}
