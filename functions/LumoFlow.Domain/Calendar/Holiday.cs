namespace LumoFlow.Domain.Calendar;

/// <summary>A named day on which offices are closed (pyhäpäivä, juhlapäivä or aatto).</summary>
/// <param name="Date">The day, as a Helsinki local date.</param>
/// <param name="Name">English name, e.g. "Good Friday".</param>
/// <param name="FinnishName">Finnish name, e.g. "Pitkäperjantai".</param>
public sealed record Holiday(DateOnly Date, string Name, string FinnishName);
