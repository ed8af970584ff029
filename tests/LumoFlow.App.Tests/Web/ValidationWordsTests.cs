using LumoFlow.App.Web;
using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Validation;

namespace LumoFlow.App.Tests.Web;

/// <summary>
/// Every problem the validator can find carries a stable code, and the form says it in Finnish and Swedish by that code
/// (never by matching the English). The notifications below reach every rule of <see cref="NotificationValidator"/>; a
/// new rule needs a new code, and a new code does not build without its words.
/// </summary>
public sealed class ValidationWordsTests
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

    private static List<FieldProblem> AllProblems() => Invalid()
        .SelectMany(c => NotificationValidator.Problems(c.Notification, Now, c.Staff).ByField.Values.SelectMany(p => p))
        .Distinct()
        .ToList();

    [Fact]
    public void Every_problem_the_validator_finds_is_said_in_Finnish_and_Swedish_not_in_English()
    {
        var problems = AllProblems();
        Assert.True(problems.Select(p => p.Code).Distinct().Count() >= 25, $"the notifications reach only {problems.Select(p => p.Code).Distinct().Count()} codes");
        foreach (var problem in problems)
            foreach (var language in new[] { "fi", "sv" })
            {
                var said = problem.In(language);
                Assert.False(string.IsNullOrWhiteSpace(said), $"{problem.Code} has no {language}");
                Assert.NotEqual(problem.English, said);
                Assert.DoesNotContain("{", said);
            }
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_problem_code_has_its_words_in_every_language(ProblemCode code)
    {
        Assert.True(ProblemWords.Has(code));
        foreach (var language in new[] { "fi", "sv", "en" }) Assert.False(string.IsNullOrWhiteSpace(ProblemWords.For(code).In(language)));
    }

    public static TheoryData<ProblemCode> Codes() => [.. Enum.GetValues<ProblemCode>()];

    [Fact]
    public void The_API_keeps_its_English_word_for_word_and_a_message_keeps_its_number_and_its_inner_reason()
    {
        Assert.Equal("must be at most 200 characters", new FieldProblem(ProblemCode.TooLong, "200").English);
        Assert.Equal("saa olla enintään 200 merkkiä", new FieldProblem(ProblemCode.TooLong, "200").In("fi"));
        Assert.Equal("får vara högst 20000 tecken", new FieldProblem(ProblemCode.TooLong, "20000").In("sv"));
        Assert.Equal("is not a valid Finnish personal identity code: check character does not match",
            new FieldProblem(ProblemCode.IdentityCodeCheckCharacter).English);
        Assert.Equal("ei ole kelvollinen henkilötunnus: tarkistusmerkki ei täsmää", new FieldProblem(ProblemCode.IdentityCodeCheckCharacter).In("fi"));
        var teacherWithoutContact = NotificationValidator.Validate(Valid with { Notifier = Teacher with { Phone = null } }, Now);
        Assert.Equal(["a professional notifier gives a phone number or an email address"], teacherWithoutContact["notifier.phone"]);
    }

    [Fact]
    public void Every_error_of_a_one_child_notification_lands_on_a_field_of_the_form_with_its_label()
    {
        var paths = Invalid()
            .Where(c => c.Notification.Children is not { Count: > 1 } && c.Notification.Guardians is not { Count: > 2 } && c.Notification.ReceivedAt is null)
            .SelectMany(c => NotificationValidator.Validate(c.Notification, Now).Keys)
            .Where(p => !p.StartsWith("guardians[1]", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        foreach (var path in paths)
        {
            var field = NotificationFormPages.Fields.ForPath(path);
            Assert.Contains(field, NotificationFormPages.Fields.InOrder);
            if (path != "concern") Assert.NotEqual(NotificationFormPages.Fields.Concern, field); // the fallback: only the concern's own errors go there
        }

        var errors = NotificationFormPages.ErrorsByField(
            NotificationValidator.Problems(Valid with { Children = [ValidChild with { IdentityCode = "123" }] }, Now), "fi");
        Assert.Equal(["Lapsen henkilötunnus: ei ole kelvollinen henkilötunnus: siinä on oltava 11 merkkiä (ppkkvvXnnnT)"], errors["childIdentityCode"]);
    }
}
