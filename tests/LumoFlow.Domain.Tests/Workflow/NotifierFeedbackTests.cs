using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Workflow;

/// <summary>
/// Issue 21, rule 8 (law review M2): after the decision a professional notifier with an email address hears only that
/// the notification has been processed and that the social worker may be in touch — never whether an assessment was
/// started, which is information about a social-welfare client sent by unprotected email. The setting
/// <see cref="WorkflowOptions.FeedbackTellsOutcome"/> (off by default, on legal advice only) tells the outcome.
/// </summary>
public sealed class NotifierFeedbackTests
{
    private static readonly DateTimeOffset Received = At("2026-03-02 09:00");
    private static readonly DateTimeOffset Decided = At("2026-03-03 10:00");

    private static Email FeedbackAfter(CaseEvent decision, string language = "fi", bool tellOutcome = false, Notification? notification = null)
    {
        var h = new WorkflowHarness(new WorkflowOptions(BaseUrl) { FeedbackTellsOutcome = tellOutcome });
        var given = notification ?? ValidNotification();
        h.Open(Received, given with { Notifier = given.Notifier! with { Language = language } }, linkedCaseIds: ["LF-2026-000100"]);
        h.Accept(new UrgencyAssessed(false, null), At("2026-03-02 09:30"));
        var step = h.Accept(decision, Decided);
        h.AssertEmailsCarryNoPersonalData();
        return Assert.Single(step.Emails);
    }

    public static TheoryData<string, bool> LanguagesAndDecisions() => new()
    {
        { "fi", true }, { "fi", false }, { "sv", true }, { "sv", false }, { "en", true }, { "en", false },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndDecisions))]
    public void By_default_the_notifier_hears_only_that_the_notification_was_processed(string language, bool started)
    {
        var email = FeedbackAfter(new DecisionMade(started, ConfidentialNote), language);

        var neutral = PartnerAndNotifierTexts.NotifierProcessed(language, CaseId);
        Assert.Equal(("NotifierDecision", NotifierEmail, neutral.Subject, neutral.Body), (email.Kind, email.To, email.Subject, email.TextBody));
        Assert.Contains(CaseId, email.TextBody);
        foreach (var outcome in new[] { true, false })
        {
            var told = PartnerAndNotifierTexts.NotifierDecision(language, CaseId, outcome);
            Assert.NotEqual(told.Body, email.TextBody);
            Assert.NotEqual(told.Subject, email.Subject);
        }
    }

    [Fact]
    public void The_neutral_feedback_is_the_same_whichever_way_it_was_decided_so_the_outcome_cannot_be_read_from_it()
    {
        var started = FeedbackAfter(new DecisionMade(true, "assessment needed"));
        var notStarted = FeedbackAfter(new DecisionMade(false, "obviously unnecessary"));
        var takenIn = FeedbackAfter(new HandledInOpenAssessment("LF-2026-000100") { IsOpenAssessment = true });

        Assert.Equal((started.Subject, started.TextBody), (notStarted.Subject, notStarted.TextBody));
        Assert.Equal((started.Subject, started.TextBody), (takenIn.Subject, takenIn.TextBody));
        Assert.DoesNotContain("arvioin", started.TextBody, StringComparison.OrdinalIgnoreCase); // "arviointi": the assessment
    }

    [Theory]
    [MemberData(nameof(LanguagesAndDecisions))]
    public void With_the_setting_on_the_notifier_is_told_whether_an_assessment_was_started(string language, bool started)
    {
        var email = FeedbackAfter(new DecisionMade(started, ConfidentialNote), language, tellOutcome: true);

        var told = PartnerAndNotifierTexts.NotifierDecision(language, CaseId, started);
        Assert.Equal(("NotifierDecision", told.Subject, told.Body), (email.Kind, email.Subject, email.TextBody));
    }

    [Fact]
    public void Taken_into_an_open_assessment_the_feedback_stays_neutral_even_with_the_setting_on()
    {
        var email = FeedbackAfter(new HandledInOpenAssessment("LF-2026-000100") { IsOpenAssessment = true }, tellOutcome: true);

        Assert.Equal(PartnerAndNotifierTexts.NotifierProcessed("fi", CaseId).Body, email.TextBody);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_private_notifier_or_one_without_an_email_address_gets_no_feedback_email(bool tellOutcome)
    {
        foreach (var notifier in new[]
        {
            new Notifier { Type = NotifierTypes.Private, Name = "Naapuri Niina", Email = "niina@neighbour.test", Language = "fi" },
            new Notifier { Type = NotifierTypes.Professional, Name = "Tuula Terveydenhoitaja", Phone = "+358 40 123 4567", Language = "fi" },
        })
        {
            var h = new WorkflowHarness(new WorkflowOptions(BaseUrl) { FeedbackTellsOutcome = tellOutcome });
            h.Open(Received, ValidNotification() with { Notifier = notifier });
            h.Accept(new UrgencyAssessed(false, null), At("2026-03-02 09:30"));

            var step = h.Accept(new DecisionMade(true, "assessment needed"), Decided);

            Assert.Empty(step.Emails);
        }
    }

    [Fact]
    public void The_default_setting_is_the_neutral_feedback() =>
        Assert.False(new WorkflowOptions(BaseUrl).FeedbackTellsOutcome);
}
