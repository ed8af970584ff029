using LumoFlow.App.Web;
using LumoFlow.Domain.Notifications;

namespace LumoFlow.App.Tests.Web;

/// <summary>
/// The form shows the validator's English messages in Finnish and Swedish through <see cref="ValidationMessages"/>:
/// every message the validator can give must have both, or a Finnish notifier would read English. The notifications
/// below reach every rule of <see cref="NotificationValidator"/>; a new rule with a new message fails here until it is
/// translated.
/// </summary>
public sealed class NotificationFormTextsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(2));

    private static Child ValidChild => new() { Name = "Matti", IdentityCode = PersonalIdentityCode.Of(new DateOnly(2015, 1, 1), 123).Value, HomeMunicipality = "Kuopio" };
    private static Notifier Teacher => new() { Type = "professional", Name = "Maija", Profession = "Opettaja", Organisation = "Koulu", Phone = "040 123 4567" };
    private static Notification Valid => new() { Notifier = Teacher, Children = [ValidChild], Concern = "Huoli." };

    private static IEnumerable<(Notification Notification, bool Staff)> Invalid()
    {
        var code = ValidChild.IdentityCode!;
        var wrongCheck = code[..10] + (code[10] == 'A' ? 'B' : 'A');
        var longText = new string('x', NotificationValidator.MaxTextLength + 1);
        yield return (Valid with { Kind = "bogus" }, false);
        yield return (Valid with { Notifier = null }, false);
        yield return (Valid with { Notifier = new Notifier { Type = "professional", Anonymous = true } }, false);
        yield return (Valid with { Notifier = new Notifier { Type = "someone" } }, false);
        yield return (Valid with { Notifier = new Notifier { Type = "private" } }, false);
        yield return (Valid with { Notifier = Teacher with { Name = longText, Phone = "abc", Email = "not-an-email", Language = "de" } }, false);
        yield return (Valid with { Children = null }, false);
        yield return (Valid with { Children = Enumerable.Repeat(ValidChild, NotificationValidator.MaxChildren + 1).ToList() }, false);
        yield return (Valid with { Children = [null!] }, false);
        yield return (Valid with { Children = [ValidChild with { Language = "de", Name = null, HomeMunicipality = longText }] }, false);
        yield return (Valid with { Kind = "preBirth", Children = [ValidChild] }, false);
        foreach (var bad in new[] { "123", "010115Q123X", "320115A123X", "010115A001X", wrongCheck })
            yield return (Valid with { Children = [ValidChild with { IdentityCode = bad }] }, false);
        yield return (Valid with { Children = [ValidChild with { DateOfBirth = new DateOnly(2016, 2, 2) }] }, false);
        yield return (Valid with { Children = [ValidChild with { IdentityCode = null }] }, false);
        yield return (Valid with { Children = [ValidChild with { IdentityCode = null, DateOfBirth = new DateOnly(2027, 1, 1) }] }, false);
        yield return (Valid with { Guardians = Enumerable.Repeat(new Guardian(), NotificationValidator.MaxGuardians + 1).ToList() }, false);
        yield return (Valid with { Guardians = [null!, new Guardian { Name = longText, Address = longText, Phone = "12", Email = "a@b" }] }, false);
        yield return (Valid with { Concern = null }, false);
        yield return (Valid with { Concern = new string('x', NotificationValidator.MaxConcernLength + 1) }, false);
        yield return (Valid with { Reasons = ["neglect", "bogus"] }, false);
        yield return (Valid with { Kind = "jointContact", Notifier = new Notifier { Type = "private", Name = "Naapuri" } }, false);
        yield return (Valid with { ReceivedAt = "2026-11-20T10:00:00+02:00" }, false);
        yield return (Valid with { ReceivedAt = "yesterday" }, true);
        yield return (Valid with { ReceivedAt = "2026-12-24T10:00:00+02:00" }, true);
        yield return (Valid with { ReceivedAt = "2024-11-20T10:00:00+02:00" }, true);
    }

    private static List<string> AllMessages() => Invalid()
        .SelectMany(c => NotificationValidator.Validate(c.Notification, Now, c.Staff).Values.SelectMany(m => m))
        .Distinct()
        .ToList();

    [Fact]
    public void Every_message_the_validator_gives_has_a_Finnish_and_a_Swedish_translation()
    {
        var messages = AllMessages();
        Assert.True(messages.Count >= 30, $"the notifications reach only {messages.Count} messages");
        var missing = messages.SelectMany(m => new[] { "fi", "sv" }.Where(l => ValidationMessages.TryTranslate(m, l) is null).Select(l => $"{l}: {m}")).ToList();
        Assert.True(missing.Count == 0, "untranslated: " + string.Join("; ", missing));
    }

    [Fact]
    public void A_message_keeps_its_number_and_a_known_inner_reason_is_translated_too()
    {
        Assert.Equal("saa olla enintään 200 merkkiä", ValidationMessages.Translate("must be at most 200 characters", "fi"));
        Assert.Equal("får vara högst 20000 tecken", ValidationMessages.Translate("must be at most 20000 characters", "sv"));
        Assert.Equal("ei ole kelvollinen henkilötunnus: tarkistusmerkki ei täsmää",
            ValidationMessages.Translate("is not a valid Finnish personal identity code: check character does not match", "fi"));
        // Unknown: English rather than a half-translated sentence; English pages always show the validator's words.
        Assert.Equal("is not a valid Finnish personal identity code: something new",
            ValidationMessages.Translate("is not a valid Finnish personal identity code: something new", "fi"));
        Assert.Equal("something new", ValidationMessages.Translate("something new", "sv"));
        Assert.Null(ValidationMessages.TryTranslate("is required", "en"));
    }

    [Fact]
    public void Every_error_of_a_one_child_notification_lands_on_a_field_of_the_form_with_its_label()
    {
        var paths = Invalid()
            .Where(c => c.Notification.Children is not { Count: > 1 } && c.Notification.Guardians is not { Count: > 2 } && c.Notification.ReceivedAt is null)
            .SelectMany(c => NotificationValidator.Validate(c.Notification, Now).Keys)
            .Where(p => !p.StartsWith("guardians[1]"))
            .Distinct()
            .ToList();
        foreach (var path in paths)
        {
            var field = NotificationFormPages.Fields.ForPath(path);
            Assert.Contains(field, NotificationFormPages.Fields.InOrder);
            if (path != "concern") Assert.NotEqual(NotificationFormPages.Fields.Concern, field); // the fallback: only the concern's own errors go there
        }

        var errors = NotificationFormPages.ErrorsByField(
            NotificationValidator.Validate(Valid with { Children = [ValidChild with { IdentityCode = "123" }] }, Now), "fi", NotificationFormTexts.Fi);
        Assert.Equal(["Lapsen henkilötunnus: ei ole kelvollinen henkilötunnus: siinä on oltava 11 merkkiä (ppkkvvXnnnT)"], errors["childIdentityCode"]);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public void The_form_offers_exactly_the_validator_s_reasons(string language) =>
        Assert.Equal(ConcernReasons.All.Codes.Order(), NotificationFormTexts.For(language).Reasons.Keys.Order());
}
