namespace LumoFlow.Domain.Calendar;

/// <summary>
/// Finnish public holidays and the two eves: the days besides Saturdays and Sundays that are
/// not working days (arkipäivät) when a deadline is counted.
/// The deadline act names them: "pyhäpäivä, itsenäisyyspäivä, vapunpäivä, joulu- tai juhannusaatto"
/// (Laki säädettyjen määräaikain laskemisesta 150/1930 § 5).
/// </summary>
public static class FinnishHolidays
{
    /// <summary>
    /// Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    /// The movable church holidays are counted from it.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// Every holiday of <paramref name="year"/> that is not a working day, sorted by date.
    /// The Sunday and Saturday holidays (Easter Sunday, Whit Sunday, Midsummer Day, All Saints' Day)
    /// are listed too for completeness; they are non-working days anyway.
    /// The eves are left out when <see cref="CalendarOptions.EvesAreWorkingDays"/> is set.
    /// </summary>
    public static IReadOnlyList<Holiday> NonWorkingDaysOf(int year, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var easter = EasterSunday(year);
        var holidays = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "New Year's Day", "Uudenvuodenpäivä"),
            new(new DateOnly(year, 1, 6), "Epiphany", "Loppiainen"),
            new(easter.AddDays(-2), "Good Friday", "Pitkäperjantai"),
            new(easter, "Easter Sunday", "Pääsiäispäivä"),
            new(easter.AddDays(1), "Easter Monday", "Toinen pääsiäispäivä"),
            new(new DateOnly(year, 5, 1), "May Day", "Vappu"),
            new(easter.AddDays(39), "Ascension Day", "Helatorstai"),
            new(easter.AddDays(49), "Whit Sunday", "Helluntaipäivä"),
            // Midsummer Day and All Saints' Day were moved to Saturdays; the eve is the Friday before.
            new(FirstOnOrAfter(new DateOnly(year, 6, 20), DayOfWeek.Saturday), "Midsummer Day", "Juhannuspäivä"),
            new(FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday), "All Saints' Day", "Pyhäinpäivä"),
            new(new DateOnly(year, 12, 6), "Independence Day", "Itsenäisyyspäivä"),
            new(new DateOnly(year, 12, 25), "Christmas Day", "Joulupäivä"),
            new(new DateOnly(year, 12, 26), "Boxing Day", "Tapaninpäivä"),
        };

        if (!options.EvesAreWorkingDays)
        {
            holidays.Add(new(FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday), "Midsummer Eve", "Juhannusaatto"));
            holidays.Add(new(new DateOnly(year, 12, 24), "Christmas Eve", "Jouluaatto"));
        }

        return holidays.OrderBy(holiday => holiday.Date).ToArray();
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek dayOfWeek) =>
        date.AddDays(((int)dayOfWeek - (int)date.DayOfWeek + 7) % 7);
}
