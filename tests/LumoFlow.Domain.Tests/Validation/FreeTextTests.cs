using LumoFlow.Domain.Notifications;
using LumoFlow.Domain.Validation;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Validation;

/// <summary>
/// Control and format characters (Unicode Cc and Cf) in free text: taken out at intake, a note keeping its lines and
/// tabs (<see cref="FreeText"/>); refused in an identity code, from anyone.
/// </summary>
public sealed class FreeTextTests
{
    [Theory]
    [InlineData("Aino\u202Egnp.exe", "Ainognp.exe")]                 // right-to-left override
    [InlineData("Ai\u200Bno", "Aino")]                               // zero-width space
    [InlineData("Ai\u200C\u200D\u2060no\uFEFF", "Aino")]             // zero-width non-joiner, joiner, word joiner, BOM
    [InlineData("\u2066Aino\u2069 \u200EEsimerkki\u200F", "Aino Esimerkki")] // isolates, direction marks
    [InlineData("Ai\u0000n\u001Bo\u007F\u0085", "Aino")]             // NUL, escape, DEL, NEL
    [InlineData("Ai\u00ADno", "Aino")]                               // soft hyphen
    [InlineData("Aino\U000E0041", "Aino")]                           // a tag character, outside the BMP
    [InlineData("Aino\tEsimerkki", "Aino Esimerkki")]                // a tab keeps the words apart
    [InlineData("Aino\r\nEsimerkki\nKuopio\rSavo", "Aino Esimerkki Kuopio Savo")]
    [InlineData("Äiti Åsa Ödön 😀 ääkköset", "Äiti Åsa Ödön 😀 ääkköset")]
    [InlineData("", "")]
    public void A_line_loses_every_control_and_format_character(string typed, string stored) =>
        Assert.Equal(stored, FreeText.Line(typed));

    [Theory]
    [InlineData("First line\r\nsecond\tcolumn", "First line\nsecond\tcolumn")]
    [InlineData("Old Mac\rline\r\n\r\nparagraph", "Old Mac\nline\n\nparagraph")]
    [InlineData("Nobody at home\u202E emoh ta", "Nobody at home emoh ta")]
    [InlineData("Zero\u200Bwidth\n\u200Bline", "Zerowidth\nline")]
    public void A_note_keeps_its_line_breaks_and_tabs(string typed, string stored) =>
        Assert.Equal(stored, FreeText.Note(typed));

    [Fact]
    public void Text_without_them_is_left_as_it_is()
    {
        const string text = "Aino Esimerkki, Kalevankatu 7";
        Assert.Same(text, FreeText.Line(text));
        Assert.Same(text, FreeText.Note(text));
        Assert.Null(FreeText.Line(null));
        Assert.False(FreeText.HasControls(text));
        Assert.True(FreeText.HasControls("a\tb"));
        Assert.True(FreeText.HasControls("a\u200Bb"));
    }

    [Fact]
    public void The_marker_names_the_character() => Assert.Equal("⟨U+202E⟩", FreeText.Marker(0x202E));

    [Theory]
    [InlineData("150315A123X\u200B")]
    [InlineData("\u202E150315A123X")]
    [InlineData("150315A123X\t")]
    [InlineData("150315A123X\n")]
    [InlineData("150315\u00ADA123X")]
    public void An_identity_code_with_one_is_refused_with_its_own_problem(string code)
    {
        Assert.Equal(ProblemCode.IdentityCodeControlCharacters, PersonalIdentityCode.ProblemOf(code));
        Assert.False(PersonalIdentityCode.TryParse(code, out _));
        Assert.Contains("invisible control or format characters", PersonalIdentityCode.Validate(code));
    }

    [Fact]
    public void Intake_takes_them_out_of_the_notification_but_not_out_of_codes()
    {
        var sent = ValidNotification() with
        {
            Notifier = ValidNotification().Notifier! with { Name = "Tuula\u202E Terveydenhoitaja", Email = "nurse\u200B@clinic.test" },
            Children = [new Child { Name = "Aino\u200B Esimerkki", Whereabouts = "Kalevankatu\t7", IdentityCode = ChildIdentityCode, Language = "fi" }],
            Guardians = [new Guardian { Name = "Pekka\u2066 Esimerkki", Address = "Kalevankatu 7\r\nKuopio" }],
            Concern = "Nobody at home.\r\nShe has not eaten.\u200F",
            Reasons = ["neglect"],
        };

        var clean = sent.WithCleanText();

        Assert.Equal("Tuula Terveydenhoitaja", clean.Notifier!.Name);
        Assert.Equal("nurse@clinic.test", clean.Notifier.Email);
        Assert.Equal("Aino Esimerkki", clean.Children![0].Name);
        Assert.Equal("Kalevankatu 7", clean.Children[0].Whereabouts);
        Assert.Equal("Pekka Esimerkki", clean.Guardians![0].Name);
        Assert.Equal("Kalevankatu 7 Kuopio", clean.Guardians[0].Address);
        Assert.Equal("Nobody at home.\nShe has not eaten.", clean.Concern);
        Assert.Equal(ChildIdentityCode, clean.Children[0].IdentityCode);
        Assert.Equal(0, NotificationValidator.Check(clean, At("2026-04-01 10:00")).Errors.Count);
    }

    [Theory]
    [InlineData("professional")]
    [InlineData("private")]
    [InlineData("preBirth")]
    public void A_notification_with_one_in_an_identity_code_is_refused_whoever_sends_it(string who)
    {
        var child = new Child { Name = ChildName, IdentityCode = "\u202E" + ChildIdentityCode };
        var notification = who switch
        {
            "professional" => ValidNotification() with { Children = [child] },
            "private" => NeighbourNotification() with { Children = [child] },
            _ => PreBirthNotification() with { Children = [child with { ExpectedBirthDate = new DateOnly(2026, 6, 1) }] },
        };

        var check = NotificationValidator.Check(notification.WithCleanText(), At("2026-04-01 10:00"));

        Assert.Equal(["IdentityCodeControlCharacters"], check.Errors.Codes["children[0].identityCode"]);
        Assert.False(check.Flags.Codes.ContainsKey("children[0].identityCode"));
    }
}
