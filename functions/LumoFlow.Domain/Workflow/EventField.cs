using LumoFlow.Domain.Wording;

namespace LumoFlow.Domain.Workflow;

/// <summary>What a staff event's field holds, which says how it is read from the API's JSON and how the form asks for it.</summary>
public enum FieldKind
{
    /// <summary>A line of text (an input).</summary>
    Text,
    /// <summary>Free text, a note (a text area).</summary>
    LongText,
    /// <summary>true or false (two radio buttons).</summary>
    YesNo,
    /// <summary>One of the field's <see cref="EventField.Choices"/> (a select).</summary>
    Choice,
    /// <summary>An ISO 8601 time with an offset; left out, it is now; it may not lie in the future.</summary>
    Time,
    /// <summary>A day, <c>yyyy-MM-dd</c>; it may not lie in the future.</summary>
    Date,
    /// <summary>An email address.</summary>
    Email,
    /// <summary>A Finnish personal identity code, checked with its check character.</summary>
    IdentityCode,
    /// <summary>The id of one of the case's open partner requests (<c>P1</c>; the form offers them).</summary>
    PartnerRequest,
    /// <summary>A team's id (the form offers the routing table's teams).</summary>
    Team,
}

/// <summary>
/// One field of a staff event. Its <see cref="Path"/> is its JSON path (<c>partner.email</c>): the API reads it from
/// there, the form posts it under that name, and an error names it.
/// </summary>
public sealed record EventField(string Path, FieldKind Kind, bool Required, Phrase Label, int MaxLength = EventField.MaxText, Vocabulary? Choices = null)
{
    /// <summary>The longest free text a field takes unless it says otherwise.</summary>
    public const int MaxText = 10_000;

    /// <summary>The longest time text (<c>2026-11-24T10:00:00.0000000+02:00</c> and then some).</summary>
    public const int MaxTimeLength = 40;

    /// <summary>The longest email address (RFC 5321).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>How far ahead of the server's clock a time may be (a device's clock is rarely exact).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The object a nested field is in (<c>partner</c> of <c>partner.email</c>); null for a top-level field.</summary>
    public string? Group => Path.IndexOf('.') is var dot and > 0 ? Path[..dot] : null;

    /// <summary>The field's name within its group (<c>email</c> of <c>partner.email</c>).</summary>
    public string Name => Group is { } group ? Path[(group.Length + 1)..] : Path;

    public int Limit => Kind switch
    {
        FieldKind.Time => MaxTimeLength,
        FieldKind.Date => 10,
        FieldKind.Email => MaxEmailLength,
        FieldKind.IdentityCode => 11,
        _ => MaxLength,
    };
}
