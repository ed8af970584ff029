using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LumoFlow.Domain.Reporting;

namespace LumoFlow.Domain.Tests.Reporting;

/// <summary>The report's period: a date range, or one of THL's two halves by name (1.4–30.9 and 1.10–31.3; THL Act 668/2008 § 2).</summary>
public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-04-01..2026-09-30", "2026-04-01", "2026-09-30", "2026-apr-sep")] // written out, it is still THL's half
    [InlineData("2026-10-01..2027-03-31", "2026-10-01", "2027-03-31", "2026-oct-mar")]
    [InlineData("2026-04-01..2026-05-31", "2026-04-01", "2026-05-31", "2026-04-01..2026-05-31")]
    [InlineData("2026-06-19..2026-06-19", "2026-06-19", "2026-06-19", "2026-06-19..2026-06-19")] // one day
    [InlineData("2028-01-01..2028-12-31", "2028-01-01", "2028-12-31", "2028-01-01..2028-12-31")] // a leap year: 366 days
    [InlineData("2026-01-01..2027-02-04", "2026-01-01", "2027-02-04", "2026-01-01..2027-02-04")] // 400 days: the cap
    [InlineData("  2026-04-01..2026-04-30 ", "2026-04-01", "2026-04-30", "2026-04-01..2026-04-30")] // spaces around
    public void Reads_a_date_range(string text, string from, string to, string name)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period, out var error));

        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(from, CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, CultureInfo.InvariantCulture), period.To);
        Assert.Equal(name, period.Name);
        Assert.Equal(name, period.ToString());
    }

    [Theory]
    [InlineData("2026-apr-sep", "2026-04-01", "2026-09-30")]
    [InlineData("2026-APR-SEP", "2026-04-01", "2026-09-30")]
    [InlineData("2023-apr-sep", "2023-04-01", "2023-09-30")] // THL's published half: 92 % started in time
    // October–March runs over the new year: it is named by the year it begins in.
    [InlineData("2026-oct-mar", "2026-10-01", "2027-03-31")]
    [InlineData("2027-Oct-Mar", "2027-10-01", "2028-03-31")] // ends 31.3 whether or not February had 29 days
    [InlineData("1999-oct-mar", "1999-10-01", "2000-03-31")]
    public void Reads_THL_s_halves_by_name(string text, string from, string to)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period, out _));

        Assert.Equal(new ReportPeriod(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)), period);
        Assert.True(period.IsThlHalf);
        Assert.Equal(text.ToLowerInvariant(), period.Name);
    }

    [Fact]
    public void The_two_halves_of_a_year_cover_it_without_a_gap()
    {
        var aprSep = ReportPeriod.AprSep(2026);
        var octMar = ReportPeriod.OctMar(2026);

        Assert.Equal(183, aprSep.Days);
        Assert.Equal(182, octMar.Days);
        Assert.Equal(aprSep.To.AddDays(1), octMar.From);
        Assert.Equal(octMar.To.AddDays(1), ReportPeriod.AprSep(2027).From);
        Assert.Equal(183, ReportPeriod.OctMar(2027).Days); // 29.2.2028
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026")]
    [InlineData("2026-04-01")]
    [InlineData("2026-04-01..")]
    [InlineData("..2026-09-30")]
    [InlineData("2026-04-01...2026-09-30")]
    [InlineData("2026-04-01..2026-09-30..2026-10-01")]
    [InlineData("2026-04-01 .. 2026-09-30")]
    [InlineData("2026-4-1..2026-9-30")]
    [InlineData("01.04.2026..30.09.2026")]
    [InlineData("2026-02-30..2026-03-31")] // no 30 February
    [InlineData("2026-13-01..2026-12-31")]
    [InlineData("2026-apr-mar")]
    [InlineData("2026-sep-apr")]
    [InlineData("2026-oct-sep")]
    [InlineData("26-apr-sep")]
    [InlineData("+026-apr-sep")]
    [InlineData("0000-apr-sep")]
    [InlineData("2026_apr_sep")]
    [InlineData("2026-apr-sept")]
    [InlineData("apr-sep")]
    [InlineData("9999-oct-mar")] // would end in year 10000
    public void Refuses_what_is_not_a_period(string? text)
    {
        Assert.False(ReportPeriod.TryParse(text, out var period, out var error));

        Assert.Null(period);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Contains("YYYY-apr-sep", error); // says what would do
    }

    [Fact]
    public void Refuses_a_range_that_ends_before_it_begins()
    {
        Assert.False(ReportPeriod.TryParse("2026-09-30..2026-04-01", out var period, out var error));

        Assert.Null(period);
        Assert.Contains("ends before it begins", error);
        Assert.Throws<ArgumentException>(() => new ReportPeriod(new DateOnly(2026, 9, 30), new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Refuses_a_range_longer_than_400_days()
    {
        Assert.False(ReportPeriod.TryParse("2026-01-01..2027-02-05", out var period, out var error)); // 401 days

        Assert.Null(period);
        Assert.Contains("longer than 400 days", error);
        Assert.Throws<ArgumentException>(() => new ReportPeriod(new DateOnly(2026, 1, 1), new DateOnly(2027, 2, 5)));
    }

    [Theory]
    [InlineData("2026-04-01", "2026-apr-sep")]
    [InlineData("2026-06-19", "2026-apr-sep")]
    [InlineData("2026-09-30", "2026-apr-sep")]
    [InlineData("2026-10-01", "2026-oct-mar")]
    [InlineData("2026-12-31", "2026-oct-mar")]
    [InlineData("2027-01-01", "2026-oct-mar")] // January–March belong to the half that began the October before
    [InlineData("2027-03-31", "2026-oct-mar")]
    [InlineData("2026-03-31", "2025-oct-mar")]
    public void The_current_period_is_THL_s_half_containing_today(string today, string name)
    {
        var period = ReportPeriod.Current(DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal(name, period.Name);
        Assert.True(period.Contains(DateOnly.Parse(today, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Contains_both_ends()
    {
        var period = ReportPeriod.AprSep(2026);

        Assert.False(period.Contains(new DateOnly(2026, 3, 31)));
        Assert.True(period.Contains(new DateOnly(2026, 4, 1)));
        Assert.True(period.Contains(new DateOnly(2026, 9, 30)));
        Assert.False(period.Contains(new DateOnly(2026, 10, 1)));
    }

    [Property]
    public Property Every_day_is_in_its_current_half_and_the_name_reads_back() =>
        Prop.ForAll(Generators.Dates, today =>
        {
            var period = ReportPeriod.Current(today);
            return period.Contains(today)
                && period.IsThlHalf
                && ReportPeriod.TryParse(period.Name, out var back, out _) && back == period;
        });

    [Property]
    public Property A_range_reads_back_from_its_name() =>
        Prop.ForAll(Arb.From(Generators.Date.SelectMany(_ => Gen.Choose(0, ReportPeriod.MaxDays - 1), (from, length) => (from, length))), t =>
        {
            var period = new ReportPeriod(t.from, t.from.AddDays(t.length));
            return ReportPeriod.TryParse(period.Name, out var back, out _) && back == period && period.Days == t.length + 1;
        });
}
