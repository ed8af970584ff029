using System.Globalization;
using LumoFlow.Domain.Validation;

namespace LumoFlow.Domain.Notifications;

/// <summary>
/// A Finnish personal identity code (henkilötunnus), <c>DDMMYYCZZZQ</c>: birth date, century sign C,
/// individual number ZZZ and check character Q.
/// Special-category data: <see cref="ToString"/> is masked so that a code never reaches a log by accident;
/// read <see cref="Value"/> explicitly where the code is really needed.
/// </summary>
public sealed record PersonalIdentityCode
{
    private const int Length = 11;
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private PersonalIdentityCode(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The code, upper-case, e.g. <c>131052-308T</c>.</summary>
    public string Value { get; }

    /// <summary>The birth date the code encodes.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>
    /// Parses <paramref name="text"/> (surrounding spaces and lower case are accepted; a control or format character,
    /// a tab or a line break among them, is not).
    /// Returns false, with <paramref name="code"/> null, when <see cref="Validate"/> gives a reason.
    /// </summary>
    public static bool TryParse(string? text, out PersonalIdentityCode? code)
    {
        code = null;
        if (Check(text, out var value, out var birthDate) is not null)
        {
            return false;
        }

        code = new PersonalIdentityCode(value, birthDate);
        return true;
    }

    /// <summary>
    /// The code of a person born on <paramref name="birthDate"/> with individual number
    /// <paramref name="individualNumber"/> (002–899), with its century sign and check character computed.
    /// </summary>
    public static PersonalIdentityCode Of(DateOnly birthDate, int individualNumber)
    {
        if (individualNumber is < 2 or > 899) throw new ArgumentOutOfRangeException(nameof(individualNumber), "must be 002–899");
        var sign = birthDate.Year switch
        {
            >= 1800 and < 1900 => '+',
            >= 1900 and < 2000 => '-',
            >= 2000 and < 2100 => 'A',
            _ => throw new ArgumentOutOfRangeException(nameof(birthDate), "must be in 1800–2099"),
        };
        var digits = string.Create(CultureInfo.InvariantCulture, $"{birthDate:ddMMyy}{individualNumber:D3}");
        var check = CheckCharacters[(int)(long.Parse(digits, CultureInfo.InvariantCulture) % 31)];
        return new PersonalIdentityCode(string.Create(CultureInfo.InvariantCulture, $"{birthDate:ddMMyy}{sign}{individualNumber:D3}{check}"), birthDate);
    }

    /// <summary>Null when <paramref name="text"/> is a valid code; otherwise a short English reason.</summary>
    public static string? Validate(string? text) => ProblemOf(text) is { } problem ? ProblemWords.IdentityCodeReasons[problem].En : null;

    /// <summary>Null when <paramref name="text"/> is a valid code; otherwise what is wrong with it, as a stable code.</summary>
    public static ProblemCode? ProblemOf(string? text) => Check(text, out _, out _);

    /// <summary>Masked on purpose; use <see cref="Value"/> explicitly.</summary>
    public override string ToString() => "PersonalIdentityCode(masked)";

    private static ProblemCode? Check(string? text, out string value, out DateOnly birthDate)
    {
        value = (text ?? string.Empty).Trim().ToUpperInvariant();
        birthDate = default;

        // Checked before trimming: a tab or a line break around the code is refused too, not read past.
        if (FreeText.HasControls(text))
        {
            return ProblemCode.IdentityCodeControlCharacters;
        }

        if (value.Length != Length || !AllDigits(value.AsSpan(0, 6)) || !AllDigits(value.AsSpan(7, 3)))
        {
            return ProblemCode.IdentityCodeLength;
        }

        if (CenturyOf(value[6]) is not { } century)
        {
            return ProblemCode.IdentityCodeCenturySign;
        }

        var day = Number(value, 0, 2);
        var month = Number(value, 2, 2);
        var year = century + Number(value, 4, 2);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return ProblemCode.IdentityCodeDate;
        }

        // 000–001 are not issued; 900–999 are temporary codes, not personal identity codes.
        var individualNumber = Number(value, 7, 3);
        if (individualNumber is < 2 or > 899)
        {
            return ProblemCode.IdentityCodeIndividualNumber;
        }

        var nineDigits = Number(value, 0, 6) * 1000 + individualNumber;
        if (value[10] != CheckCharacters[nineDigits % 31])
        {
            return ProblemCode.IdentityCodeCheckCharacter;
        }

        birthDate = new DateOnly(year, month, day);
        return null;
    }

    private static int? CenturyOf(char sign) => sign switch
    {
        '+' => 1800,
        '-' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
        'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
        _ => null,
    };

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(string text, int start, int length) =>
        int.Parse(text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
