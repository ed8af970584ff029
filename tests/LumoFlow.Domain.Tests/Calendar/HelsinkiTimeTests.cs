using System.Globalization;
using LumoFlow.Domain.Calendar;

namespace LumoFlow.Domain.Tests.Calendar;

public sealed class HelsinkiTimeTests
{
    [Theory]
    [InlineData("2026-01-15T21:59:59Z", "2026-01-15")] // winter, UTC+2
    [InlineData("2026-01-15T22:00:00Z", "2026-01-16")]
    [InlineData("2026-07-15T20:59:59Z", "2026-07-15")] // summer, UTC+3
    [InlineData("2026-07-15T21:00:00Z", "2026-07-16")]
    [InlineData("2026-03-28T21:59:59Z", "2026-03-28")] // night of the spring switch (2026-03-29 01:00 UTC)
    [InlineData("2026-03-28T22:30:00Z", "2026-03-29")] // 00:30 local, still UTC+2
    [InlineData("2026-03-29T20:59:59Z", "2026-03-29")] // 23:59:59 local, now UTC+3
    [InlineData("2026-03-29T21:00:00Z", "2026-03-30")]
    [InlineData("2026-10-24T20:59:59Z", "2026-10-24")] // night of the autumn switch (2026-10-25 01:00 UTC)
    [InlineData("2026-10-24T21:30:00Z", "2026-10-25")] // 00:30 local, still UTC+3
    [InlineData("2026-10-25T21:59:59Z", "2026-10-25")] // 23:59:59 local, now UTC+2
    [InlineData("2026-10-25T22:00:00Z", "2026-10-26")]
    [InlineData("2026-12-31T22:30:00Z", "2027-01-01")]
    [InlineData("2026-03-10T01:30:00+05:00", "2026-03-09")] // 2026-03-09 22:30 in Helsinki
    [InlineData("2026-03-09T20:30:00-05:00", "2026-03-10")] // 2026-03-10 03:30 in Helsinki
    public void Local_date_of_an_instant(string instant, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), HelsinkiTime.LocalDate(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-01-16", "2026-01-15T22:00:00Z")]
    [InlineData("2026-07-16", "2026-07-15T21:00:00Z")]
    [InlineData("2026-03-29", "2026-03-28T22:00:00Z")] // switch day starts in winter time
    [InlineData("2026-03-30", "2026-03-29T21:00:00Z")]
    [InlineData("2026-10-25", "2026-10-24T21:00:00Z")] // switch day starts in summer time
    [InlineData("2026-10-26", "2026-10-25T22:00:00Z")]
    public void Start_of_day_is_local_midnight(string date, string expected)
    {
        var start = HelsinkiTime.StartOfDay(DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), start);
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), HelsinkiTime.LocalDate(start));
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture).AddDays(-1), HelsinkiTime.LocalDate(start.AddTicks(-1)));
    }

    [Theory]
    [InlineData("2026-03-29", "02:59", "2026-03-29T00:59:00Z")] // just before the gap
    [InlineData("2026-03-29", "03:00", "2026-03-29T01:00:00Z")] // in the gap → 04:00 (+03:00)
    [InlineData("2026-03-29", "03:30", "2026-03-29T01:30:00Z")] // in the gap → 04:30 (+03:00)
    [InlineData("2026-03-29", "04:00", "2026-03-29T01:00:00Z")]
    [InlineData("2026-10-25", "02:59", "2026-10-24T23:59:00Z")]
    [InlineData("2026-10-25", "03:00", "2026-10-25T00:00:00Z")] // ambiguous → first, summer time
    [InlineData("2026-10-25", "03:30", "2026-10-25T00:30:00Z")] // ambiguous → first, summer time
    [InlineData("2026-10-25", "04:00", "2026-10-25T02:00:00Z")] // winter time again
    [InlineData("2026-06-24", "12:00", "2026-06-24T09:00:00Z")]
    public void At_local_time(string date, string time, string expected)
    {
        var instant = HelsinkiTime.AtLocalTime(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeOnly.Parse(time, CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).UtcDateTime, instant.UtcDateTime);
        Assert.Equal(HelsinkiTime.Zone.GetUtcOffset(instant), instant.Offset);
    }
}
