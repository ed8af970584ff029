using System.Text;
using System.Text.Json.Nodes;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>
/// Generated request bodies from a valid one, seeded (the same seed gives the same bodies): the valid body mutated —
/// a field dropped, given the wrong type, a huge string, control and format characters, an unknown field, a duplicate
/// key — or the bytes broken: cut short, invalid UTF-8, a wrong content type, nesting deeper than any parser takes.
/// </summary>
public sealed class BodyFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>One generated body and the name of the mutation, for the histogram.</summary>
    public sealed record Body(string Mutation, byte[] Bytes, string ContentType);

    private static readonly string[] Strange =
    [
        "", " ", "\u0000", "\u0007bell", "a\u202Eb", "\u200B", "\uFEFF", "\r\n\r\n", "<script>alert(1)</script>", "' OR 1=1 --",
        "../../etc/passwd", "%00", "{{7*7}}", "${jndi:ldap://x}", "=CMD|' /C calc'!A0", "\uD83D\uDE00", "null", "true", "-1",
        "99999999999999999999999", "1e400", "NaN", "2026-02-30", "0000-00-00T00:00:00Z", "150315A123X", "150315+123X", "x@y",
    ];

    // The batches call in from several tasks at once; Random is not thread-safe.
    public Body Json(JsonObject valid)
    {
        lock (_random) return MutateJson(valid);
    }

    public (string Mutation, List<KeyValuePair<string, string>> Fields, string? Raw) Form(IReadOnlyList<KeyValuePair<string, string>> valid,
        IReadOnlyCollection<string> keep)
    {
        lock (_random) return MutateForm(valid, keep);
    }

    public int Next(int max)
    {
        lock (_random) return _random.Next(max);
    }

    private Body MutateJson(JsonObject valid)
    {
        var n = _random.Next(100);
        var body = (JsonObject)valid.DeepClone();
        switch (n)
        {
            case < 12:
                Remove(body);
                return Of("drop a field", body);
            case < 26:
                Replace(body, WrongType());
                return Of("wrong type", body);
            case < 34:
                Replace(body, JsonValue.Create(Strange[_random.Next(Strange.Length)]));
                return Of("strange string", body);
            case < 40:
                Replace(body, JsonValue.Create(new string('x', _random.Next(2) == 0 ? 5_000 : 300_000)));
                return Of("huge string", body);
            case < 48:
                Replace(body, JsonValue.Create(Controls(_random.Next(1, 30))));
                return Of("control characters", body);
            case < 53:
                body["unknown" + _random.Next(1000)] = WrongType();
                return Of("unknown field", body);
            case < 60:
            {
                var text = body.ToJsonString();
                var cut = text.Length > 2 ? _random.Next(1, text.Length - 1) : 1;
                return new("cut short", Encoding.UTF8.GetBytes(text[..cut]), "application/json");
            }
            case < 65:
            {
                // Invalid UTF-8 inside the text.
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString()).ToList();
                var at = _random.Next(bytes.Count);
                bytes.InsertRange(at, _random.Next(3) switch { 0 => [0xC3, 0x28], 1 => [0xFF, 0xFE], _ => [0xED, 0xA0, 0x80] });
                return new("invalid UTF-8", bytes.ToArray(), "application/json");
            }
            case < 67:
            {
                // An escaped lone surrogate at the start of the first string value: valid UTF-8, invalid Unicode.
                var text = body.ToJsonString();
                var at = text.IndexOf("\":\"", StringComparison.Ordinal);
                text = at < 0 ? text : text[..(at + 3)] + (_random.Next(2) == 0 ? "\\uD800" : "\\uDFFFx") + text[(at + 3)..];
                return new("escaped lone surrogate", Encoding.UTF8.GetBytes(text), "application/json");
            }
            case < 70:
            {
                // A duplicate key: the first property again, with another value, at the end.
                var text = body.ToJsonString();
                var first = body.First();
                var duplicate = $",\"{first.Key}\":{WrongType()?.ToJsonString() ?? "null"}}}";
                return new("duplicate key", Encoding.UTF8.GetBytes(text[..^1] + duplicate), "application/json");
            }
            case < 74:
                return new("wrong content type", Encoding.UTF8.GetBytes(body.ToJsonString()),
                    _random.Next(3) switch { 0 => "text/plain", 1 => "application/x-www-form-urlencoded", _ => "application/json; charset=latin1" });
            case < 77:
                return new("deep nesting", Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000)), "application/json");
            case < 81:
                return new("not an object", Encoding.UTF8.GetBytes(_random.Next(4) switch { 0 => "null", 1 => "[]", 2 => "\"x\"", _ => "" }),
                    "application/json");
            case < 86:
                return new("random bytes", RandomBytes(_random.Next(1, 2_000)), "application/json");
            case < 96:
                // Several mutations at once.
                Remove(body);
                Replace(body, WrongType());
                Replace(body, JsonValue.Create(Controls(3)));
                return Of("several", body);
            default:
                return Of("valid", body);
        }
    }

    private (string Mutation, List<KeyValuePair<string, string>> Fields, string? Raw) MutateForm(IReadOnlyList<KeyValuePair<string, string>> valid,
        IReadOnlyCollection<string> keep)
    {
        var fields = valid.ToList();
        int Pick() => _random.Next(fields.Count);
        bool Kept(int i) => keep.Contains(fields[i].Key);
        switch (_random.Next(100))
        {
            case < 15:
            {
                var i = Pick();
                if (!Kept(i)) fields.RemoveAt(i);
                return ("drop a field", fields, null);
            }
            case < 30:
            {
                var i = Pick();
                if (!Kept(i)) fields[i] = new(fields[i].Key, Strange[_random.Next(Strange.Length)]);
                return ("strange value", fields, null);
            }
            case < 38:
            {
                var i = Pick();
                if (!Kept(i)) fields[i] = new(fields[i].Key, new string('x', _random.Next(2) == 0 ? 5_000 : 300_000));
                return ("huge value", fields, null);
            }
            case < 48:
            {
                var i = Pick();
                if (!Kept(i)) fields[i] = new(fields[i].Key, Controls(_random.Next(1, 30)));
                return ("control characters", fields, null);
            }
            case < 56:
            {
                var i = Pick();
                fields.Add(new(fields[i].Key, Strange[_random.Next(Strange.Length)]));
                return ("duplicate key", fields, null);
            }
            case < 62:
                fields.Add(new("unknown" + _random.Next(1000), "x"));
                return ("unknown field", fields, null);
            case < 70:
            {
                var raw = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
                var at = _random.Next(raw.Length + 1);
                raw = raw[..at] + (_random.Next(3) switch { 0 => "%zz", 1 => "%C3%28", _ => "%" }) + raw[at..];
                return ("broken encoding", fields, raw);
            }
            case < 78:
            {
                var token = fields.FindIndex(f => f.Key == "__RequestVerificationToken");
                if (token >= 0)
                {
                    if (_random.Next(2) == 0) fields.RemoveAt(token);
                    else fields[token] = new(fields[token].Key, fields[token].Value[..^4] + "AAAA");
                }
                return ("no or forged anti-forgery token", fields, null);
            }
            case < 82:
                return ("random bytes", fields, Encoding.Latin1.GetString(RandomBytes(_random.Next(1, 2_000))));
            case < 94:
            {
                for (var k = 0; k < 3 && fields.Count > 0; k++)
                {
                    var i = Pick();
                    if (!Kept(i)) fields[i] = new(fields[i].Key, Controls(2) + Strange[_random.Next(Strange.Length)]);
                }
                return ("several", fields, null);
            }
            default:
                return ("valid", fields, null);
        }
    }

    private Body Of(string mutation, JsonNode body) => new(mutation, Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json");

    private JsonNode? WrongType() => _random.Next(7) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
        3 => JsonValue.Create(_random.NextDouble() * 1e300),
        4 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1)),
        5 => new JsonObject { ["x"] = "y" },
        _ => JsonValue.Create(Strange[_random.Next(Strange.Length)]),
    };

    private string Controls(int count)
    {
        var text = new StringBuilder("Lapsi");
        for (var i = 0; i < count; i++)
            text.Append(_random.Next(4) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(0x7F, 0xA0),
                2 => "\u200B\u200E\u200F\u202A\u202E\u2066\u2069\uFEFF"[_random.Next(8)],
                _ => (char)_random.Next(0xD800, 0xDFFF), // a lone surrogate
            });
        return text.ToString();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Every (parent, key or index) in the tree, so a mutation can hit any depth.</summary>
    private List<(JsonNode Parent, object Key)> Slots(JsonNode root)
    {
        var slots = new List<(JsonNode, object)>();
        void Walk(JsonNode node)
        {
            if (node is JsonObject o)
                foreach (var (key, child) in o.ToList())
                {
                    slots.Add((o, key));
                    if (child is not null) Walk(child);
                }
            else if (node is JsonArray a)
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    if (a[i] is { } child) Walk(child);
                }
        }
        Walk(root);
        return slots;
    }

    private void Remove(JsonObject body)
    {
        var slots = Slots(body);
        if (slots.Count == 0) return;
        var (parent, key) = slots[_random.Next(slots.Count)];
        if (parent is JsonObject o) o.Remove((string)key);
        else ((JsonArray)parent).RemoveAt((int)key);
    }

    private void Replace(JsonObject body, JsonNode? value)
    {
        var slots = Slots(body);
        if (slots.Count == 0) return;
        var (parent, key) = slots[_random.Next(slots.Count)];
        if (parent is JsonObject o) o[(string)key] = value;
        else ((JsonArray)parent)[(int)key] = value;
    }
}
