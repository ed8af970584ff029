namespace LumoFlow.Domain.Workflow;

/// <summary>
/// A staff event's fields once read and checked (by the host, from the API's JSON or the page's form): each by its
/// path, of its kind's type — text as a trimmed string, yes/no as a bool, a time as an instant (now when left out).
/// A catalogue entry's <see cref="StaffEvent.Build"/> makes the event from them.
/// </summary>
public sealed class EventValues(IReadOnlyDictionary<string, object> values, DateTimeOffset now, Func<string> drawSecret, Func<string, string?> childKeyOf)
{
    /// <summary>When the event was raised.</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>A required text field's value.</summary>
    public string Text(string path) => values.TryGetValue(path, out var value) ? (string)value
        : throw new InvalidOperationException($"The field '{path}' was not read; is it required?");

    /// <summary>An optional text field's value; null when left out or empty.</summary>
    public string? TextOrNull(string path) => values.TryGetValue(path, out var value) ? (string)value : null;

    public bool YesNo(string path) => values.TryGetValue(path, out var value) ? (bool)value
        : throw new InvalidOperationException($"The field '{path}' was not read; is it required?");

    /// <summary>A date field's value; null when left out.</summary>
    public DateOnly? DateOrNull(string path) => values.TryGetValue(path, out var value) ? (DateOnly)value : null;

    /// <summary>A time field's value: the time given, or <see cref="Now"/>.</summary>
    public DateTimeOffset Time(string path) => values.TryGetValue(path, out var value) ? (DateTimeOffset)value : Now;

    /// <summary>
    /// A secret of 256 random bits, for a partner's single-use link: drawn by the host, because the workflow does no
    /// I/O (see <see cref="PartnerToken"/>).
    /// </summary>
    public string NewSecret() => drawSecret();

    /// <summary>
    /// The child's key in the child index for a valid identity code (a keyed hash: the host holds the key); null for
    /// an invalid code.
    /// </summary>
    public string? ChildKeyOf(string identityCode) => childKeyOf(identityCode);
}
