using System.Globalization;
using LumoFlow.Domain.Calendar;

namespace LumoFlow.Domain.Tests.Calendar;

public sealed class FinnishHolidaysTests
{
    [Theory]
    [InlineData(1818, "1818-03-22")] // earliest possible Easter
    [InlineData(1943, "1943-04-25")] // latest possible Easter
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_is_known(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), FinnishHolidays.EasterSunday(year));

    [Theory]
    [InlineData(2025, new[]
    {
        "2025-01-01", "2025-01-06", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-29",
        "2025-06-08", "2025-06-20", "2025-06-21", "2025-11-01", "2025-12-06", "2025-12-24", "2025-12-25", "2025-12-26",
    })]
    [InlineData(2026, new[]
    {
        "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14",
        "2026-05-24", "2026-06-19", "2026-06-20", "2026-10-31", "2026-12-06", "2026-12-24", "2026-12-25", "2026-12-26",
    })]
    [InlineData(2027, new[]
    {
        "2027-01-01", "2027-01-06", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01", "2027-05-06",
        "2027-05-16", "2027-06-25", "2027-06-26", "2027-11-06", "2027-12-06", "2027-12-24", "2027-12-25", "2027-12-26",
    })]
    [InlineData(2028, new[]
    {
        "2028-01-01", "2028-01-06", "2028-04-14", "2028-04-16", "2028-04-17", "2028-05-01", "2028-05-25",
        "2028-06-04", "2028-06-23", "2028-06-24", "2028-11-04", "2028-12-06", "2028-12-24", "2028-12-25", "2028-12-26",
    })]
    public void Every_holiday_of_the_year_in_date_order(int year, string[] expected)
    {
        var dates = FinnishHolidays.NonWorkingDaysOf(year, CalendarOptions.Default).Select(h => h.Date);

        Assert.Equal(expected.Select(DateOnly.Parse), dates);
    }

    [Theory]
    [InlineData("2025-01-01", "New Year's Day")]
    [InlineData("2025-01-06", "Epiphany")]
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday")]
    [InlineData("2025-05-01", "May Day")]
    [InlineData("2025-05-29", "Ascension Day")]
    [InlineData("2025-06-20", "Midsummer Eve")]
    [InlineData("2025-12-06", "Independence Day")]
    [InlineData("2025-12-24", "Christmas Eve")]
    [InlineData("2025-12-25", "Christmas Day")]
    [InlineData("2025-12-26", "Boxing Day")]
    [InlineData("2026-04-03", "Good Friday")]
    [InlineData("2026-04-06", "Easter Monday")]
    [InlineData("2026-05-14", "Ascension Day")]
    [InlineData("2026-06-19", "Midsummer Eve")]
    [InlineData("2027-03-26", "Good Friday")]
    [InlineData("2027-03-29", "Easter Monday")]
    [InlineData("2027-05-06", "Ascension Day")]
    [InlineData("2027-06-25", "Midsummer Eve")]
    [InlineData("2028-04-14", "Good Friday")]
    [InlineData("2028-04-17", "Easter Monday")]
    [InlineData("2028-05-25", "Ascension Day")]
    [InlineData("2028-06-23", "Midsummer Eve")]
    public void Holiday_is_named(string date, string name)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);

        var holiday = Assert.Single(FinnishHolidays.NonWorkingDaysOf(day.Year, CalendarOptions.Default), h => h.Date == day);

        Assert.Equal(name, holiday.Name);
        Assert.False(string.IsNullOrWhiteSpace(holiday.FinnishName));
    }

    [Fact]
    public void Eves_are_left_out_when_they_are_working_days()
    {
        var options = new CalendarOptions { EvesAreWorkingDays = true };

        var names = FinnishHolidays.NonWorkingDaysOf(2026, options).Select(h => h.Name).ToArray();

        Assert.DoesNotContain("Midsummer Eve", names);
        Assert.DoesNotContain("Christmas Eve", names);
        Assert.Equal(13, names.Length);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(2025)]
    [InlineData(2099)]
    public void Midsummer_Eve_is_the_Friday_between_19_and_25_June(int year)
    {
        var eve = Assert.Single(FinnishHolidays.NonWorkingDaysOf(year, CalendarOptions.Default), h => h.Name == "Midsummer Eve");

        Assert.Equal(DayOfWeek.Friday, eve.Date.DayOfWeek);
        Assert.InRange(eve.Date, new DateOnly(year, 6, 19), new DateOnly(year, 6, 25));
    }
}
