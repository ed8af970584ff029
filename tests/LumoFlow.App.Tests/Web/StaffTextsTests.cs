using LumoFlow.App.Web;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Tests.Web;

/// <summary>
/// The social workers' pages say everything through <see cref="StaffTexts"/>; a key without words shows as itself, in
/// English. Every phase, every event a form offers and every refusal the workflow can give must have its words, so a
/// new one fails here until it is translated.
/// </summary>
public sealed class StaffTextsTests
{
    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        foreach (var phase in Enum.GetNames<CasePhase>()) keys.Add(phase);
        foreach (var status in Enum.GetNames<RuntimeStatus>()) keys.Add(status);
        foreach (var (eventName, _) in EventForms.All) keys.Add(eventName);
        foreach (var code in Enum.GetNames<RefusalCode>()) keys.Add($"refusal.{code}");
        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Has_words_for(string key) => Assert.True(StaffTexts.Has(key), $"StaffTexts has no entry '{key}'.");

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void Every_refusal_reads_as_a_sentence_with_its_event_phase_and_subject(string lang)
    {
        foreach (var code in Enum.GetValues<RefusalCode>())
        {
            var text = StaffTexts.Refusal(lang, code, "P7", nameof(ChildMet), CasePhase.AwaitingBirth);

            Assert.DoesNotContain("{", text);
            Assert.DoesNotContain("refusal.", text);
            Assert.DoesNotContain(code.ToString(), text);
            if (code is RefusalCode.NoSuchTeam or RefusalCode.NoSuchPartnerRequest or RefusalCode.PartnerRequestAnswered or RefusalCode.PartnerRequestWaived)
                Assert.Contains("P7", text);
        }
    }

    [Fact]
    public void A_refusal_by_phase_names_the_event_and_the_phase_in_the_readers_language_with_what_to_record_first()
    {
        var fi = StaffTexts.Refusal("fi", RefusalCode.WaitingForBirth, null, nameof(ChildMet), CasePhase.AwaitingBirth);
        var sv = StaffTexts.Refusal("sv", RefusalCode.DecideFirst, null, nameof(AssessmentCompleted), CasePhase.AwaitingDecision);

        Assert.Equal("Kirjausta ”Lapsi tavattu (LSL 29 §)” ei voi tehdä, kun asian vaihe on ”Odottaa syntymää”. "
            + "Asia odottaa lapsen syntymää (LSL 25 c §): kirjaa ensin syntymä.", fi);
        Assert.Equal("”Bedömningen klar” kan inte registreras när ärendets skede är ”Väntar på beslut”. "
            + "Registrera först beslutet att inleda bedömningen av servicebehovet.", sv);
    }
}
