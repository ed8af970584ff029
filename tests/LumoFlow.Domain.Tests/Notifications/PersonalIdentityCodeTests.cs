using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Notifications;

namespace LumoFlow.Domain.Tests.Notifications;

public sealed class PersonalIdentityCodeTests
{
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    [Theory]
    [InlineData("131052-308T", "1952-10-13")] // the well-known example
    [InlineData("131052Y308T", "1952-10-13")] // new 1900s sign
    [InlineData("010101A123N", "2001-01-01")]
    [InlineData("010101B123N", "2001-01-01")] // new 2000s sign
    [InlineData("010150+123A", "1850-01-01")]
    [InlineData("311299-8997", "1999-12-31")] // highest individual number
    [InlineData("290296-0025", "1996-02-29")] // lowest individual number; leap year
    [InlineData("290200A1239", "2000-02-29")] // 2000 is a leap year
    [InlineData("280299-0029", "1999-02-28")]
    public void Valid_code(string text, string birthDate)
    {
        Assert.Null(PersonalIdentityCode.Validate(text));
        Assert.True(PersonalIdentityCode.TryParse(text, out var code));

        Assert.NotNull(code);
        Assert.Equal(text, code.Value);
        Assert.Equal(DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), code.BirthDate);
    }

    [Theory]
    [InlineData("131052y308t", "131052Y308T")]
    [InlineData("010101a123n", "010101A123N")]
    [InlineData(" 131052-308T ", "131052-308T")]
    public void Lower_case_and_surrounding_space_are_normalised(string text, string value)
    {
        Assert.True(PersonalIdentityCode.TryParse(text, out var code));

        Assert.Equal(value, code!.Value);
    }

    [Theory]
    [InlineData(null, "must be 11 characters DDMMYYCZZZQ")]
    [InlineData("", "must be 11 characters DDMMYYCZZZQ")]
    [InlineData("131052-308", "must be 11 characters DDMMYYCZZZQ")]
    [InlineData("131052-308TT", "must be 11 characters DDMMYYCZZZQ")]
    [InlineData("13105a-308T", "must be 11 characters DDMMYYCZZZQ")]
    [InlineData("131052-3o8T", "must be 11 characters DDMMYYCZZZQ")]
    [InlineData("131052*308T", "unknown century sign")]
    [InlineData("131052G308T", "unknown century sign")]
    [InlineData("321052-308T", "not a real date")]
    [InlineData("001052-308T", "not a real date")]
    [InlineData("131352-308T", "not a real date")]
    [InlineData("130052-308T", "not a real date")]
    [InlineData("290200-1239", "not a real date")] // 1900 is not a leap year
    [InlineData("290201A1234", "not a real date")] // 2001 is not a leap year
    [InlineData("131052-001T", "individual number must be 002–899")]
    [InlineData("131052-000T", "individual number must be 002–899")]
    [InlineData("131052-900T", "individual number must be 002–899")]
    [InlineData("131052-308U", "check character does not match")]
    [InlineData("131052-308G", "check character does not match")]
    public void Invalid_code_says_why(string? text, string reason)
    {
        Assert.Equal(reason, PersonalIdentityCode.Validate(text));
        Assert.False(PersonalIdentityCode.TryParse(text, out var code));
        Assert.Null(code);
    }

    [Theory]
    [InlineData("131052+308T", 1852)]
    [InlineData("131052-308T", 1952)]
    [InlineData("131052A308T", 2052)]
    public void Century_sign_selects_the_century(string text, int year)
    {
        Assert.True(PersonalIdentityCode.TryParse(text, out var code));

        Assert.Equal(year, code!.BirthDate.Year);
    }

    [Fact]
    public void ToString_never_shows_the_code()
    {
        Assert.True(PersonalIdentityCode.TryParse("131052-308T", out var code));

        Assert.Equal("PersonalIdentityCode(masked)", code!.ToString());
        Assert.DoesNotContain("131052", $"{code}");
    }

    [Fact]
    public void Equal_codes_are_equal()
    {
        PersonalIdentityCode.TryParse("131052-308T", out var upper);
        PersonalIdentityCode.TryParse("131052-308t", out var lower);

        Assert.Equal(upper, lower);
    }

    [Property]
    public Property Computed_check_character_validates_and_every_other_fails() =>
        Prop.ForAll(CodeWithoutCheck.Arbitrary, sample =>
        {
            var expected = CheckCharacters[int.Parse(sample.NineDigits, CultureInfo.InvariantCulture) % 31];
            var valid = PersonalIdentityCode.TryParse(sample.Prefix + expected, out var code)
                && code!.BirthDate == sample.BirthDate;

            var othersFail = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                .Where(other => other != expected)
                .All(other => PersonalIdentityCode.Validate(sample.Prefix + other) == "check character does not match");

            return valid && othersFail;
        });

    /// <summary>A real birth date, a century sign that fits it and an individual number: all but the check character.</summary>
    private sealed record CodeWithoutCheck(DateOnly BirthDate, char CenturySign, int IndividualNumber)
    {
        public string Prefix => $"{BirthDate:ddMMyy}{CenturySign}{IndividualNumber:000}";

        public string NineDigits => $"{BirthDate:ddMMyy}{IndividualNumber:000}";

        public static Arbitrary<CodeWithoutCheck> Arbitrary { get; } = Arb.From(
            from dayNumber in Gen.Choose(new DateOnly(1800, 1, 1).DayNumber, new DateOnly(2099, 12, 31).DayNumber)
            let birthDate = DateOnly.FromDayNumber(dayNumber)
            from sign in Gen.Elements(SignsFor(birthDate.Year))
            from individualNumber in Gen.Choose(2, 899)
            select new CodeWithoutCheck(birthDate, sign, individualNumber));

        private static char[] SignsFor(int year) => (year / 100) switch
        {
            18 => ['+'],
            19 => ['-', 'Y', 'X', 'W', 'V', 'U'],
            _ => ['A', 'B', 'C', 'D', 'E', 'F'],
        };
    }

    [Theory]
    [InlineData("1952-10-13", 308, "131052-308T")]
    [InlineData("2015-03-15", 123, "150315A123X")]
    [InlineData("1899-12-31", 2, "311299+002")]
    public void Of_builds_the_code_with_its_century_sign_and_check_character(string birth, int individual, string expectedStart)
    {
        var code = PersonalIdentityCode.Of(DateOnly.Parse(birth, CultureInfo.InvariantCulture), individual);
        Assert.StartsWith(expectedStart, code.Value);
        Assert.Null(PersonalIdentityCode.Validate(code.Value));
        Assert.Equal(DateOnly.Parse(birth, CultureInfo.InvariantCulture), code.BirthDate);
    }
}
