using FsCheck;
using FsCheck.Fluent;

namespace LumoFlow.Domain.Tests;

/// <summary>Value generators for the property tests: dates in 2000–2100 rather than arbitrary ints.</summary>
internal static class Generators
{
    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2100, 12, 31);

    public static Gen<DateOnly> Date { get; } =
        Gen.Choose(0, Last.DayNumber - First.DayNumber).Select(First.AddDays);

    public static Arbitrary<DateOnly> Dates { get; } = Arb.From(Date);

    public static Arbitrary<(DateOnly Date, int WorkingDays)> DateAndWorkingDays { get; } =
        Arb.From(Date.SelectMany(_ => Gen.Choose(1, 40), (date, n) => (date, n)));
}
