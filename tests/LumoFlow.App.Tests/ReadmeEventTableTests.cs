using System.Globalization;
using System.Text;
using LumoFlow.Domain.Workflow;

namespace LumoFlow.App.Tests;

/// <summary>
/// The README's table of staff events is the catalogue's (<see cref="StaffEvents"/>), written out: an event added to the
/// catalogue, or a field, a phase, a law or a raiser changed, fails here until the README says the same. The message
/// holds the table to paste between the README's <c>staff-events</c> markers.
/// </summary>
public sealed class ReadmeEventTableTests
{
    private const string Begin = "<!-- staff-events:begin -->";
    private const string End = "<!-- staff-events:end -->";

    [Fact]
    public void The_README_s_event_table_is_the_catalogue()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no {Begin} … {End} block");
        var written = readme[(start + Begin.Length)..end].Trim().ReplaceLineEndings("\n");
        var expected = Table();
        Assert.True(written == expected, $"README.md's staff-event table differs from the catalogue. Put this between the markers:\n\n{expected}\n");
    }

    /// <summary>The table: each event, its JSON body (every field, with its kind's shape), its optional fields, phases, law and raiser.</summary>
    public static string Table()
    {
        var table = new StringBuilder();
        table.Append("| event | body | optional | allowed in | law | who |\n| --- | --- | --- | --- | --- | --- |");
        foreach (var e in StaffEvents.All)
        {
            var optional = e.Fields.Where(f => !f.Required).Select(f => $"`{f.Path}`").ToList();
            table.Append('\n').Append(CultureInfo.InvariantCulture, $"| `{e.Name}` | `{Body(e)}` | {(optional.Count == 0 ? "–" : string.Join(", ", optional))} | ")
                .Append(string.Join(", ", e.AllowedIn)).Append(CultureInfo.InvariantCulture, $" | {e.Law.Replace("|", "\\|", StringComparison.Ordinal)} | ")
                .Append(e.RaisedBy == EventRaiser.TeamLead ? "team lead" : "staff of the team").Append(" |");
        }
        return table.ToString();
    }

    private static string Body(StaffEvent e)
    {
        var parts = new List<string>();
        foreach (var group in e.Fields.GroupBy(f => f.Group))
        {
            var fields = string.Join(", ", group.Select(f => $"\"{f.Name}\": {Shape(f)}"));
            parts.Add(group.Key is { } name ? $"\"{name}\": {{{fields}}}" : fields);
        }
        return $"{{{string.Join(", ", parts)}}}";
    }

    private static string Shape(EventField f) => f.Kind switch
    {
        FieldKind.YesNo => "true",
        FieldKind.Choice => $"\"{string.Join("\\|", f.Choices!.Codes)}\"",
        FieldKind.Time => "\"2026-11-24T10:00:00+02:00\"",
        FieldKind.Date => "\"2015-06-30\"",
        FieldKind.Email => "\"name@example.fi\"",
        FieldKind.IdentityCode => "\"ddmmyyXnnnT\"",
        FieldKind.PartnerRequest => "\"P1\"",
        FieldKind.Team => "\"keski-suomi\"",
        _ => "\"…\"",
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LumoFlow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("LumoFlow.sln not found above the test's folder.");
    }
}
